using Capture.Worker.Sources.Mail;

namespace Capture.Worker.Tests.Sources.Mail;

public sealed class MailboxOptionsTests
{
    private static MailboxOptions Valid() => new()
    {
        Name = "complaints",
        Host = "127.0.0.1",
        User = "complaints",
        Password = "not-logged",
    };

    [Fact]
    public void Validate_CompleteAccount_HasNoProblems() => Assert.Empty(Valid().Validate("Mailboxes:0"));

    [Fact]
    public void Validate_Pop3WithMove_SaysPop3CanOnlyDelete()
    {
        var account = Valid();
        account.Protocol = MailProtocol.Pop3;
        account.Disposition = new MailDispositionOptions { Action = MailDispositionAction.Move, Folder = "Done" };

        var problem = Assert.Single(account.Validate("Mailboxes:1"));

        Assert.Contains("Mailboxes:1:Disposition:Action", problem, StringComparison.Ordinal);
        Assert.Contains("None or Delete", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Disposition_LeftUnset_MarksSeenOnImap_AndLeavesPop3MessagesAsTheyAre_WhichIsValid()
    {
        var imap = Valid();
        var pop3 = Valid();
        pop3.Protocol = MailProtocol.Pop3;

        Assert.Equal(MailDispositionAction.MarkSeen, imap.Disposition.ActionFor(imap.Protocol));
        Assert.Equal(MailDispositionAction.None, pop3.Disposition.ActionFor(pop3.Protocol));
        Assert.Empty(pop3.Validate("Mailboxes:1"));
    }

    [Fact]
    public void Validate_MoveWithoutFolder_NamesTheKey()
    {
        var account = Valid();
        account.Disposition = new MailDispositionOptions { Action = MailDispositionAction.Move };

        Assert.Contains(account.Validate("Mailboxes:0"), p => p.StartsWith("Mailboxes:0:Disposition:Folder", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_KeywordWithSpace_IsRefused()
    {
        var account = Valid();
        account.Disposition = new MailDispositionOptions { Action = MailDispositionAction.Flag, Keyword = "not a keyword" };

        Assert.Contains(account.Validate("Mailboxes:0"), p => p.Contains("Keyword", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_PasswordVariableNotSet_SaysWhichVariable()
    {
        var account = Valid();
        account.Password = null;
        account.PasswordVariable = "CAPTURE_TEST_SURELY_UNSET_" + Guid.NewGuid().ToString("N");

        var problem = Assert.Single(account.Validate("Mailboxes:0"));

        Assert.Contains(account.PasswordVariable, problem, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(account.ResolvePassword);
    }

    [Fact]
    public void Validate_NoPasswordAtAll_IsAProblem()
    {
        var account = Valid();
        account.Password = null;

        Assert.Contains(account.Validate("Mailboxes:0"), p => p.Contains("no password", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1001)]
    public void Validate_GroupSizeOutOfRange_NamesTheKey(int groupSize)
    {
        var account = Valid();
        account.GroupSize = groupSize;

        Assert.Contains($"Mailboxes:0:GroupSize must be between 1 and 1000, not {groupSize}.", account.Validate("Mailboxes:0"));
    }

    [Fact]
    public void Problems_NeverContainThePassword()
    {
        var account = Valid();
        account.Password = "Tajne-Has\u0142o-123";
        account.Name = "bad name";
        account.BatchSize = 0;
        account.IdleRefresh = TimeSpan.FromHours(1);

        var problems = account.Validate("Mailboxes:0").ToList();

        Assert.Equal(3, problems.Count);
        Assert.All(problems, p => Assert.DoesNotContain(account.Password, p, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(MailProtocol.Imap, MailSecurity.None, 143)]
    [InlineData(MailProtocol.Imap, MailSecurity.StartTls, 143)]
    [InlineData(MailProtocol.Imap, MailSecurity.Tls, 993)]
    [InlineData(MailProtocol.Pop3, MailSecurity.StartTls, 110)]
    [InlineData(MailProtocol.Pop3, MailSecurity.Tls, 995)]
    public void EffectivePort_DefaultsByProtocolAndSecurity(MailProtocol protocol, MailSecurity security, int port)
    {
        var account = Valid();
        account.Protocol = protocol;
        account.Security = security;

        Assert.Equal(port, account.EffectivePort);
    }

    [Fact]
    public void MailboxKeys_NameTheMailboxNotTheConnection()
    {
        var plain = Valid();
        plain.Port = 143;
        plain.Security = MailSecurity.None;
        var tls = Valid();
        tls.Host = "127.0.0.1 ";
        tls.Security = MailSecurity.Tls;

        var key = MailboxKeys.ImapMessage(MailboxKeys.ImapFolder(plain, "Skargi/2026", 77), 42);

        Assert.Equal("imap://complaints@127.0.0.1/Skargi%2F2026;UIDVALIDITY=77/;UID=42", key);
        Assert.Equal(key, MailboxKeys.ImapMessage(MailboxKeys.ImapFolder(tls, "Skargi/2026", 77), 42));
        Assert.NotEqual(key, MailboxKeys.ImapMessage(MailboxKeys.ImapFolder(plain, "Skargi/2026", 78), 42));
        Assert.Equal("pop3://complaints@127.0.0.1/;UIDL=0000002a%2F", MailboxKeys.Pop3Message(plain, "0000002a/"));
    }

    [Fact]
    public void ReconnectBackoff_DoublesUpToTheCeilingAndResets()
    {
        var backoff = new ReconnectBackoff(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(10));

        var delays = Enumerable.Range(0, 5).Select(_ => backoff.Next()).ToList();
        backoff.Reset();

        Assert.Equal([2, 4, 8, 10, 10], delays.Select(d => d.TotalSeconds));
        Assert.Equal(TimeSpan.FromSeconds(2), backoff.Next());
    }
}
