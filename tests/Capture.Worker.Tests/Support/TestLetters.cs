using System.Globalization;
using MimeKit;

namespace Capture.Worker.Tests.Support;

/// <summary>Customer e-mails made up for mailbox tests: each one distinct in content and Message-ID.</summary>
internal static class TestLetters
{
    private static readonly string[] Bodies =
    [
        "Dzień dobry, zamówienie {0} dotarło uszkodzone, karton był zgnieciony, a ekspres nie działa. Proszę o wymianę lub zwrot pieniędzy. Z poważaniem, Anna Nowak",
        "Tisztelt Ügyfélszolgálat! A {0} számú rendelésem hibásan érkezett, a készülék nem kapcsol be. Kérem a csere intézését. Üdvözlettel: Kovács Péter",
        "Hello, I would like to thank your team for the quick help with order {0}. The courier was friendly and everything works perfectly. Best regards, Sarah Mitchell",
        "Good afternoon, may I suggest that you add evening delivery slots? It would make order {0} and future orders much easier for working people. Kind regards, Tom Baker",
    ];

    /// <summary>Letter number <paramref name="number"/>, from <c>customerN@example.com</c>.</summary>
    public static MimeMessage Create(int number, string? tag = null)
    {
        var order = string.Create(CultureInfo.InvariantCulture, $"ZAM/2026/{number:00000}");
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(string.Create(CultureInfo.InvariantCulture, $"Customer {number}"), string.Create(CultureInfo.InvariantCulture, $"customer{number}@example.com")));
        message.To.Add(new MailboxAddress("Reklamacje", "reklamacje@firma.example"));
        message.Subject = string.Create(CultureInfo.InvariantCulture, $"{tag ?? "Letter"} {number}: order {order}");
        message.MessageId = string.Create(CultureInfo.InvariantCulture, $"{tag ?? "letter"}-{number}-{Guid.NewGuid():N}@example.com");
        message.Date = new DateTimeOffset(2026, 11, 2, 9, 30, 0, TimeSpan.FromHours(1));
        message.Body = new TextPart("plain") { Text = string.Format(CultureInfo.InvariantCulture, Bodies[number % Bodies.Length], order) };
        return message;
    }

    /// <summary>Letters <paramref name="first"/> to <paramref name="first"/> + <paramref name="count"/> - 1.</summary>
    public static List<MimeMessage> Range(int first, int count, string? tag = null) =>
        [.. Enumerable.Range(first, count).Select(n => Create(n, tag))];
}
