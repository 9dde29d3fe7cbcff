using System.Globalization;
using System.Text;
using MimeKit;

namespace Capture.Benchmarks.Mail;

/// <summary>Customer e-mails of about 10 KB in Polish, Hungarian and English, made up from a fixed seed.</summary>
internal static class GeneratedMail
{
    private static readonly string[][] Sentences =
    [
        [
            "Dzień dobry, piszę w sprawie zamówienia {0}, które dotarło uszkodzone.",
            "Karton był zgnieciony, a urządzenie nie włącza się po podłączeniu do prądu.",
            "Proszę o szybką wymianę towaru albo zwrot pieniędzy na moje konto.",
            "Dziękuję za pomoc przy poprzedniej reklamacji, tym razem jednak czekam już dwa tygodnie.",
            "Może warto dodać możliwość odbioru w paczkomacie w godzinach wieczornych?",
        ],
        [
            "Tisztelt Ügyfélszolgálat! A {0} számú rendelésemmel kapcsolatban írok.",
            "A csomag sérülten érkezett, a készülék nem kapcsol be.",
            "Kérem a termék cseréjét vagy a vételár visszatérítését.",
            "Köszönöm a gyors segítséget a múltkori panaszomnál, most viszont két hete várok.",
            "Javaslom, hogy vezessenek be esti kiszállítási időpontokat is.",
        ],
        [
            "Hello, I am writing about order {0}, which arrived damaged.",
            "The box was crushed and the device does not switch on when plugged in.",
            "Please replace the item or refund the money to my account.",
            "Thank you for the quick help with my last complaint, but this time I have been waiting for two weeks.",
            "Perhaps you could offer evening delivery slots for people who work during the day?",
        ],
    ];

    private static readonly string[] Names = ["Anna Nowak", "Piotr Wiśniewski", "Kovács Péter", "Szabó Éva", "Sarah Mitchell", "James Whitfield"];

    /// <summary>Message <paramref name="number"/> of a run; each has its own content, Message-ID and sender.</summary>
    public static MimeMessage Create(int number, int targetBytes = 10_000)
    {
        var random = new Random(number);
        var language = number % Sentences.Length;
        var order = string.Create(CultureInfo.InvariantCulture, $"ZAM/2026/{number:000000}");
        var body = new StringBuilder(targetBytes + 200);
        while (body.Length < targetBytes)
        {
            var sentences = Sentences[language];
            body.Append(string.Format(CultureInfo.InvariantCulture, sentences[random.Next(sentences.Length)], order)).Append(' ');
            if (random.Next(6) == 0)
            {
                body.Append("\n\n");
            }
        }

        var name = Names[random.Next(Names.Length)];
        body.Append("\n\n").Append(name).Append('\n');
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(name, string.Create(CultureInfo.InvariantCulture, $"customer{number}@example.com")));
        message.To.Add(new MailboxAddress("Customer service", "service@company.example"));
        message.Subject = string.Create(CultureInfo.InvariantCulture, $"Order {order}");
        message.MessageId = string.Create(CultureInfo.InvariantCulture, $"bench-{number}@example.com");
        message.Date = new DateTimeOffset(2026, 11, 2, 9, 30, 0, TimeSpan.FromHours(1)).AddMinutes(number);
        message.Body = new TextPart("plain") { Text = body.ToString() };
        return message;
    }
}
