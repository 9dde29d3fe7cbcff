using Capture.Worker.Pipeline;
using Capture.Worker.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Capture.Worker.Tests.Pipeline;

/// <summary>Several prepared items filed as one store transaction, as mailbox batches are.</summary>
public sealed class GroupFilingTests
{
    [Fact]
    public async Task FileGroup_OpensEveryCaseInOrder_AndAReplyJoinsTheCaseOpenedEarlierInTheSameGroup()
    {
        using var archive = new TestArchive();
        var letters = TestLetters.Range(1, 3);
        using var reply = TestLetters.Create(4, "Reply");
        reply.InReplyTo = letters[0].MessageId;

        var filed = await FileTogetherAsync(archive, [.. letters, reply]);

        Assert.All(filed, f => Assert.Null(f.Failure));
        Assert.Equal([CaptureOutcome.Opened, CaptureOutcome.Opened, CaptureOutcome.Opened, CaptureOutcome.Joined], filed.Select(f => f.Result!.Outcome));
        Assert.Equal(filed[0].Result!.RegistrationNumber, filed[3].Result!.RegistrationNumber);
        Assert.Equal(
            archive.Store.ListCases().Select(c => c.RegistrationNumber),
            filed.Take(3).Select(f => f.Result!.RegistrationNumber));
        archive.Host.Services.GetRequiredService<CaseIndexer>().Flush();
        Assert.Equal(4, archive.Index.DocumentCount);
    }

    [Fact]
    public async Task FileGroup_WhenOneItemCannotBeFiled_KeepsTheOthersAndReportsOnlyThatOneAsFailed()
    {
        using var archive = new TestArchive();
        var prepared = await PrepareAsync(archive, TestLetters.Range(10, 3));

        // The original vanishes between reading and filing: its capture must fail alone.
        File.Delete(prepared[1].Item.Path);
        var filed = await archive.Pipeline.FileGroupAsync(prepared, TestContext.Current.CancellationToken);

        Assert.Equal(CaptureOutcome.Opened, filed[0].Result!.Outcome);
        Assert.IsType<FileNotFoundException>(filed[1].Failure);
        Assert.Equal(CaptureOutcome.Opened, filed[2].Result!.Outcome);
        var cases = archive.Store.ListCases();
        Assert.Equal(2, cases.Count);
        Assert.Equal([filed[0].Result!.RegistrationNumber, filed[2].Result!.RegistrationNumber], cases.Select(c => c.RegistrationNumber));
        Assert.EndsWith("000002", cases[1].RegistrationNumber, StringComparison.Ordinal);
        Assert.Equal(Archive.Store.Intake.IntakeState.Claimed, archive.Store.FindClaim(prepared[1].Item.SourceKey)!.State);
    }

    private static async Task<IReadOnlyList<GroupFiling>> FileTogetherAsync(TestArchive archive, IReadOnlyList<MimeMessage> messages) =>
        await archive.Pipeline.FileGroupAsync(await PrepareAsync(archive, messages), TestContext.Current.CancellationToken);

    private static async Task<List<PreparedCapture>> PrepareAsync(TestArchive archive, IReadOnlyList<MimeMessage> messages)
    {
        var inbox = archive.Scratch("inbox");
        var prepared = new List<PreparedCapture>();
        foreach (var message in messages)
        {
            var path = Path.Combine(inbox, message.MessageId + ".eml");
            await message.WriteToAsync(path, TestContext.Current.CancellationToken);
            prepared.Add(await archive.Pipeline.PrepareAsync(CaptureItem.ForFile(path, "group-test"), TestContext.Current.CancellationToken));
        }

        return prepared;
    }
}
