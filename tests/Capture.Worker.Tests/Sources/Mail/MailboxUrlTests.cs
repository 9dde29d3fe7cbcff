using Capture.Worker.Cli;
using Capture.Worker.Sources.Mail;

namespace Capture.Worker.Tests.Sources.Mail;

public sealed class MailboxUrlTests
{
    [Theory]
    [InlineData("imap://complaints@mail.example.com/INBOX", MailProtocol.Imap, MailSecurity.StartTlsWhenAvailable, 143, "INBOX")]
    [InlineData("imaps://complaints@mail.example.com:9993/Reklamacje%2F2026", MailProtocol.Imap, MailSecurity.Tls, 9993, "Reklamacje/2026")]
    [InlineData("imaps://complaints@mail.example.com", MailProtocol.Imap, MailSecurity.Tls, 993, "INBOX")]
    [InlineData("pop3://complaints@mail.example.com:1110", MailProtocol.Pop3, MailSecurity.StartTlsWhenAvailable, 1110, "INBOX")]
    [InlineData("pop3s://complaints@mail.example.com", MailProtocol.Pop3, MailSecurity.Tls, 995, "INBOX")]
    public void Parse_MailboxUrl_GivesProtocolSecurityPortAndFolder(string url, MailProtocol protocol, MailSecurity security, int port, string folder)
    {
        var account = MailboxUrl.Parse(url);

        Assert.Equal(protocol, account.Protocol);
        Assert.Equal(security, account.Security);
        Assert.Equal(port, account.EffectivePort);
        Assert.Equal(folder, account.EffectiveFolders[0]);
        Assert.Equal("complaints", account.User);
        Assert.Equal("mail.example.com", account.Host);
        Assert.Equal(MailDispositionAction.None, account.Disposition.Action);
    }

    [Fact]
    public void Parse_UserWithEscapedAt_KeepsTheWholeLogin()
    {
        var account = MailboxUrl.Parse("imaps://reklamacje%40firma.pl@imap.firma.pl/INBOX");

        Assert.Equal("reklamacje@firma.pl", account.User);
        Assert.Equal("reklamacje@firma.pl@imap.firma.pl", account.Name);
        Assert.DoesNotContain(account.Validate("fetch"), p => p.Contains("Name", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("imap://user:secret@host/INBOX", "no password in the URL")]
    [InlineData("imap://host/INBOX", "names no user")]
    [InlineData("http://user@host/", "not a mailbox scheme")]
    [InlineData("pop3://user@host/INBOX", "no folders")]
    [InlineData("not a url", "not a mailbox URL")]
    public void Parse_BadUrl_SaysWhatIsWrong(string url, string expected)
    {
        var exception = Assert.Throws<FormatException>(() => MailboxUrl.Parse(url));

        Assert.Contains(expected, exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("none", MailDispositionAction.None, null, "$Captured")]
    [InlineData("seen", MailDispositionAction.MarkSeen, null, "$Captured")]
    [InlineData("flag", MailDispositionAction.Flag, null, "$Captured")]
    [InlineData("flag:$Zarejestrowano", MailDispositionAction.Flag, null, "$Zarejestrowano")]
    [InlineData("move:Archive/Captured", MailDispositionAction.Move, "Archive/Captured", "$Captured")]
    [InlineData("delete", MailDispositionAction.Delete, null, "$Captured")]
    public void ParseDisposition_KnownForms(string text, MailDispositionAction action, string? folder, string keyword)
    {
        var disposition = MailboxUrl.ParseDisposition(text);

        Assert.Equal(action, disposition.Action);
        Assert.Equal(folder, disposition.Folder);
        Assert.Equal(keyword, disposition.Keyword);
    }

    [Theory]
    [InlineData("move")]
    [InlineData("archive")]
    public void ParseDisposition_Unknown_IsRefused(string text) =>
        Assert.Throws<FormatException>(() => MailboxUrl.ParseDisposition(text));
}
