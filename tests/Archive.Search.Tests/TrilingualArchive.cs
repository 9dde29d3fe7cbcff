using static Archive.Search.Tests.Letters;

namespace Archive.Search.Tests;

/// <summary>
/// A small archive of three Polish, three Hungarian and three English letters (one complaint, suggestion and
/// thank-you each), with handlers, waiting clocks and alerts, built once for the query-feature tests. The clock is
/// <see cref="Letters.Now"/> (2026-11-20 12:00 in Warsaw); dates in queries are Warsaw days.
/// </summary>
public sealed class TrilingualArchive : IDisposable
{
    private static readonly TimeSpan Winter = TimeSpan.FromHours(1);
    private static readonly TimeSpan Summer = TimeSpan.FromHours(2);

    public TrilingualArchive()
    {
        Index.Add(
            Letter(
                "C-2026-000101",
                "Dzień dobry, składam reklamację czajnika zamówionego w sklepie w Łodzi. Zamówienie ZAM/2026/04512 dotarło uszkodzone, " +
                "a numer seryjny SN-AX77-0042-19 jest nieczytelny. Proszę o zwrot pieniędzy.",
                documentId: "doc-101a",
                category: "complaint",
                status: "pending-on-company",
                name: "Łukasz Wójcik",
                email: "lukasz.wojcik@example.pl",
                subject: "Reklamacja czajnika",
                orders: ["ZAM/2026/04512"],
                serials: ["SN-AX77-0042-19"],
                handler: "anna.nowak",
                receivedAt: new DateTimeOffset(2026, 10, 1, 8, 0, 0, Summer),
                waitingSince: new DateTimeOffset(2026, 10, 1, 8, 0, 0, Summer),
                alertDueAt: new DateTimeOffset(2026, 11, 19, 9, 0, 0, Winter)),
            Letter(
                "C-2026-000101",
                "Przesyłam zdjęcia uszkodzonego czajnika do reklamacji. Sklep: Łódź, ul. Piotrkowska.",
                documentId: "doc-101b",
                category: "complaint",
                status: "pending-on-company",
                name: "Łukasz Wójcik",
                email: "lukasz.wojcik@example.pl",
                handler: "anna.nowak",
                receivedAt: new DateTimeOffset(2026, 10, 3, 10, 0, 0, Summer),
                waitingSince: new DateTimeOffset(2026, 10, 1, 8, 0, 0, Summer),
                alertDueAt: new DateTimeOffset(2026, 11, 19, 9, 0, 0, Winter)),
            Letter(
                "C-2026-000102",
                "Proponuję, aby w aplikacji można było śledzić status reklamacji. Byłoby to bardzo wygodne dla klientów z Krakowa.",
                category: "suggestion",
                status: "not-started",
                name: "Katarzyna Zielińska",
                email: "k.zielinska@example.pl",
                receivedAt: new DateTimeOffset(2026, 11, 1, 0, 30, 0, Winter),
                waitingSince: new DateTimeOffset(2026, 11, 16, 11, 0, 0, Winter)),
            Letter(
                "C-2026-000103",
                "Serdecznie dziękuję za szybkie rozpatrzenie reklamacji. Nowy czajnik działa bez zarzutu.",
                category: "thanks",
                status: "closed",
                name: "Jan Kowalski",
                email: "jan.kowalski@example.pl",
                handler: "anna.nowak",
                receivedAt: new DateTimeOffset(2026, 9, 15, 14, 0, 0, Summer)),
            Letter(
                "C-2026-000201",
                "Tisztelt Ügyfélszolgálat! Panaszt szeretnék tenni, mert a FV/2026/11/0342 számlán kétszer szerepel ugyanaz a tétel. " +
                "Kérem, javítsák ki a számlát.",
                category: "complaint",
                status: "pending-on-company",
                language: "hu",
                name: "Kovács Zoltán",
                email: "zoltan.kovacs@example.hu",
                subject: "Panasz a számlával kapcsolatban",
                invoices: ["FV/2026/11/0342"],
                handler: "peter.toth",
                receivedAt: new DateTimeOffset(2026, 11, 5, 12, 0, 0, Winter),
                waitingSince: new DateTimeOffset(2026, 11, 5, 11, 0, 0, Winter),
                alertDueAt: new DateTimeOffset(2026, 11, 25, 9, 0, 0, Winter)),
            Letter(
                "C-2026-000202",
                "Javaslom, hogy a webáruházban legyen lehetőség a rendelés módosítására. A panaszomat már korábban is jeleztem.",
                category: "suggestion",
                status: "pending-on-customer",
                language: "hu",
                name: "Szabó Éva",
                email: "eva.szabo@example.hu",
                handler: "peter.toth",
                receivedAt: new DateTimeOffset(2026, 10, 20, 9, 0, 0, Summer)),
            Letter(
                "C-2026-000203",
                "Köszönöm a gyors segítséget, a csere gyorsan megérkezett.",
                category: "thanks",
                status: "closed",
                language: "hu",
                name: "Nagy Péter",
                email: "peter.nagy@example.hu",
                receivedAt: new DateTimeOffset(2026, 8, 10, 9, 0, 0, Summer)),
            Letter(
                "C-2026-000301",
                "I am writing to make a complaint about my order. The kettle I ordered arrived broken and policy POL-778812 does not cover it.",
                category: "complaint",
                status: "not-started",
                language: "en",
                name: "Emily Clarke",
                email: "emily.clarke@example.co.uk",
                orders: ["ORD-55121"],
                policies: ["POL-778812"],
                handler: "maria.garcia",
                receivedAt: new DateTimeOffset(2026, 11, 18, 9, 0, 0, Winter),
                waitingSince: new DateTimeOffset(2026, 11, 18, 9, 0, 0, Winter)),
            Letter(
                "C-2026-000302",
                "It would be great if your complaints form accepted photos. Many customers have complained about this.",
                category: "suggestion",
                status: "closed",
                language: "en",
                name: "John Smith",
                receivedAt: new DateTimeOffset(2026, 7, 1, 9, 0, 0, Summer)),
            Letter(
                "C-2026-000303",
                "Thank you for the quick replacement, the new kettle works perfectly.",
                category: "thanks",
                status: "pending-on-company",
                language: "en",
                name: "Oliver Brown",
                email: "oliver@example.com",
                handler: "anna.nowak",
                receivedAt: new DateTimeOffset(2026, 11, 10, 9, 0, 0, Winter),
                waitingSince: new DateTimeOffset(2026, 11, 10, 9, 0, 0, Winter),
                alertDueAt: new DateTimeOffset(2026, 11, 20, 11, 0, 0, Winter)));
    }

    internal TestIndex Index { get; } = new();

    public void Dispose() => Index.Dispose();
}
