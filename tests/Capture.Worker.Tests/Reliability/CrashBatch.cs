using System.Globalization;
using System.Text;
using Capture.Worker.Tests.Support;
using MimeKit;

namespace Capture.Worker.Tests.Reliability;

/// <summary>
/// The mixed items the crash harness feeds each round: customer e-mails (some with a PDF attachment), a malformed
/// message, letters, a real scan from <c>samples/inbox</c> while unused ones remain, and corrupt files. Every item is
/// distinct in content, so each must end as exactly one case, joined document or quarantine record.
/// </summary>
internal sealed class CrashBatch
{
    private static readonly string[] Scans =
    [
        "en-complaint-washing-machine.png", "en-suggestion-train.tif", "hu-complaint-coffee-machine-2pages.tif", "hu-suggestion-insurance.tif",
        "hu-thanks-hotel.png", "pl-complaint-insurance-scan.pdf", "pl-suggestion-online-shop.png", "pl-thanks-insurance.tif",
    ];

    private readonly Random _random;
    private int _next;

    public CrashBatch(Random random) => _random = random;

    /// <summary>Every e-mail delivered so far, by Message-ID.</summary>
    public List<string> MessageIds { get; } = [];

    /// <summary>Every file dropped so far, by name.</summary>
    public List<string> DroppedFiles { get; } = [];

    /// <summary>Makes the next round's items: messages to deliver, and files written into <paramref name="dropFolder"/>.</summary>
    public List<MimeMessage> Next(string dropFolder)
    {
        var round = _next++;
        var messages = new List<MimeMessage> { TestLetters.Create(10_000 + (round * 10), "crash"), WithAttachment(TestLetters.Create(10_001 + (round * 10), "crash")), Malformed(round) };
        MessageIds.AddRange(messages.Select(m => m.MessageId!));

        Drop(dropFolder, Name(round, "letter.txt"), Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
            $"Szanowni Państwo, reklamuję pralkę z zamówienia ZAM/2026/{70_000 + round:00000}, która przecieka od pierwszego prania. Proszę o naprawę. Jan Kowalski, jan.kowalski{round}@example.pl")));
        if (round < Scans.Length)
        {
            Drop(dropFolder, Name(round, Scans[round]), File.ReadAllBytes(Path.Combine(SamplesFolder, Scans[round])));
        }

        var junk = new byte[512 + _random.Next(4096)];
        _random.NextBytes(junk);
        Drop(dropFolder, Name(round, "corrupt-scan.tif"), [.. "II*\0"u8, .. junk]);
        Drop(dropFolder, Name(round, "truncated.pdf"), [.. Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Round {round} >>\n")), .. junk.AsSpan(0, 64)]);
        return messages;
    }

    private static string SamplesFolder => SampleExpectations.InboxDirectory;

    private static string Name(int round, string name) => string.Create(CultureInfo.InvariantCulture, $"r{round:000}-{name}");

    private void Drop(string folder, string name, byte[] content)
    {
        // Written aside and moved in, as a scanner that writes a temporary name does, so the watcher never takes half a file.
        var temporary = Path.Combine(folder, name + ".part");
        File.WriteAllBytes(temporary, content);
        File.Move(temporary, Path.Combine(folder, name));
        DroppedFiles.Add(name);
    }

    private static MimeMessage WithAttachment(MimeMessage letter)
    {
        var body = new BodyBuilder { TextBody = letter.TextBody + "\nW załączniku list z opisem sprawy." };
        body.Attachments.Add("opis-sprawy.pdf", File.ReadAllBytes(Path.Combine(SamplesFolder, "en-thanks-broadband-letter.pdf")), new ContentType("application", "pdf"));
        letter.Body = body.ToMessageBody();
        return letter;
    }

    /// <summary>A multipart message whose boundary never appears and whose declared charset does not exist.</summary>
    private static MimeMessage Malformed(int round)
    {
        var raw = string.Create(CultureInfo.InvariantCulture, $"""
            From: "Broken Client" <broken{round}@example.com>
            To: reklamacje@firma.example
            Subject: =?x-unknown-charset?B?w6XDpMO2?= round {round}
            Message-ID: <malformed-{round}-{Guid.NewGuid():N}@example.com>
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="never-used"

            --wrong-boundary
            Content-Type: text/plain; charset=x-unknown
            Content-Transfer-Encoding: base64

            !!!not base64 at all {round}!!!
            """).ReplaceLineEndings("\r\n");
        return MimeMessage.Load(new MemoryStream(Encoding.ASCII.GetBytes(raw)));
    }
}
