using Capture.Worker.Sources.Mail;

namespace Capture.Worker.Tests.Sources.Mail;

public sealed class MailFilterTests
{
    [Fact]
    public void EmptyFilter_AcceptsEverything()
    {
        var filter = new MailFilter(new MailFilterOptions());

        Assert.True(filter.AcceptsHeaders(null, null));
        Assert.True(filter.AcceptsAttachments([]));
        Assert.False(filter.NeedsHeaders);
        Assert.False(filter.NeedsAttachmentNames);
    }

    [Theory]
    [InlineData("anna@klient.pl", true)]
    [InlineData("ANNA@KLIENT.PL", true)]
    [InlineData("anna@klient.pl.evil.example", false)]
    [InlineData("bob@other.example", false)]
    [InlineData(null, false)]
    public void SenderPatterns_MatchWholeAddressIgnoringCase(string? sender, bool accepted)
    {
        var filter = new MailFilter(new MailFilterOptions { Senders = ["*@klient.pl", "vip@partner.hu"] });

        Assert.Equal(accepted, filter.AcceptsHeaders(sender, "anything"));
    }

    [Fact]
    public void SenderAndSubject_MustBothMatch()
    {
        var filter = new MailFilter(new MailFilterOptions { Senders = ["*@klient.pl"], Subjects = ["*reklamacja*", "panasz?"] });

        Assert.True(filter.AcceptsHeaders("a@klient.pl", "Re: Reklamacja zamówienia"));
        Assert.True(filter.AcceptsHeaders("a@klient.pl", "Panasz!"));
        Assert.False(filter.AcceptsHeaders("a@klient.pl", "Newsletter"));
        Assert.False(filter.AcceptsHeaders("a@other.pl", "reklamacja"));
    }

    [Fact]
    public void AttachmentPatterns_NeedOneMatchingAttachment()
    {
        var filter = new MailFilter(new MailFilterOptions { AttachmentNames = ["*.pdf", "skan*.tif"] });

        Assert.True(filter.NeedsAttachmentNames);
        Assert.True(filter.AcceptsAttachments(["logo.png", "Faktura.PDF"]));
        Assert.True(filter.AcceptsAttachments(["skan-001.tif"]));
        Assert.False(filter.AcceptsAttachments(["logo.png", null]));
        Assert.False(filter.AcceptsAttachments([]));
    }

    [Fact]
    public void RegexCharactersInPatterns_AreLiteral()
    {
        var filter = new MailFilter(new MailFilterOptions { Subjects = ["[C-2026]*(urgent)+"] });

        Assert.True(filter.AcceptsHeaders(null, "[C-2026] help (urgent)+"));
        Assert.False(filter.AcceptsHeaders(null, "C help urgent"));
    }
}
