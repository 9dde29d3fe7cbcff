using System.Globalization;

namespace Capture.Benchmarks.Ocr;

/// <summary>
/// The letters the synthetic pages are rendered from: Polish, Hungarian and English complaints, suggestions and
/// thanks of about 25 lines each, written for this benchmark. Each page gets its own reference line
/// (<see cref="Marker(int)"/>) so that every variant can be checked to have read every page.
/// </summary>
internal static class LetterTexts
{
    /// <summary>The letters, cycled in this order to make the page set.</summary>
    public static IReadOnlyList<Letter> All { get; } =
    [
        new("pl", "Nr sprawy", """
            Kraków, 14 października 2025 r.

            Jan Kowalski
            ul. Długa 17/4
            31-147 Kraków
            tel. 601 234 567

            Dział Obsługi Klienta
            Szanowni Państwo,

            piszę w sprawie reklamacji pralki zamówionej w Państwa sklepie internetowym
            (zamówienie nr 2025/10/4471, faktura FV 1182/2025). Urządzenie zostało dostarczone
            trzeciego października, a już po tygodniu przestało wirować i wyświetla błąd E21.
            Technik, który przyjechał w ubiegły czwartek, stwierdził uszkodzenie pompy, ale
            do dzisiaj nikt nie skontaktował się ze mną w sprawie naprawy ani wymiany.
            Pranie muszę wozić do rodziny na drugi koniec miasta, co jest bardzo uciążliwe.
            Zgodnie z przepisami o rękojmi żądam wymiany pralki na nową, wolną od wad,
            w terminie czternastu dni od otrzymania tego pisma. Jeżeli wymiana nie będzie
            możliwa, proszę o zwrot pełnej ceny, czyli 2 349,00 zł, na rachunek podany
            w formularzu zamówienia. Do listu dołączam kopię faktury oraz zdjęcia ekranu
            z kodem błędu. Proszę o pisemne potwierdzenie przyjęcia reklamacji.

            Z poważaniem
            Jan Kowalski
            """),
        new("hu", "Ügyszám", """
            Budapest, 2025. november 3.

            Szabó Katalin
            Petőfi Sándor utca 12.
            1052 Budapest
            Telefon: +36 30 123 4567

            Ügyfélszolgálat részére
            Tisztelt Hölgyeim és Uraim!

            Ezúton szeretném megköszönni a múlt héten nyújtott kiváló segítségüket.
            A szerződésem (kötvényszám: HU-88412) módosítása során az ügyintéző,
            Kovács Péter, türelmesen és érthetően elmagyarázta az összes lehetőséget,
            és a szükséges iratokat is gyorsan, egyetlen nap alatt elkészítette.
            Különösen jólesett, hogy telefonon is visszahívott, amikor kiderült,
            hogy az egyik nyomtatványon hibás volt a születési dátumom.
            Régóta vagyok az ügyfelük, de ilyen gördülékeny ügyintézést ritkán
            tapasztaltam; ezt szeretném a vezetőség tudomására hozni.
            Kérem, adják át köszönetemet Kovács úrnak és az egész csapatnak.
            Bízom benne, hogy a jövőben is ilyen színvonalon folytatják munkájukat,
            és szívesen ajánlom önöket ismerőseimnek is.

            Üdvözlettel:
            Szabó Katalin
            """),
        new("en", "Reference", """
            Leeds, 21 October 2025

            Margaret Thompson
            42 Willow Crescent
            Leeds LS6 3QT
            Phone: 0113 496 0721

            Customer Relations
            Dear Sir or Madam,

            I am writing to complain about the delivery of my order 55-20931, placed on
            the second of October and paid in full by card. The parcel was marked as
            delivered on the ninth, yet it never arrived; the photograph in your tracking
            system shows a door that is clearly not mine. I have called your helpline
            three times and was promised a call back within two working days each time,
            but nobody has been in touch. The order contained a winter coat and boots
            worth 189.50 pounds that I bought for a trip next month.
            Please either send a replacement by express delivery or refund the full
            amount to my card within fourteen days. I would also appreciate an
            explanation of how the parcel came to be left at the wrong address.
            I enclose a copy of the order confirmation and my bank statement.

            Yours faithfully,
            Margaret Thompson
            """),
        new("pl", "Nr sprawy", """
            Gdańsk, 5 listopada 2025 r.

            Agnieszka Wiśniewska
            ul. Grunwaldzka 211
            80-266 Gdańsk
            e-mail: a.wisniewska@poczta.invalid

            Biuro Obsługi Klienta
            Dzień dobry,

            od kilku lat korzystam z Państwa aplikacji do zamawiania posiłków i chciałabym
            zaproponować kilka usprawnień, które ułatwiłyby życie wielu klientom.
            Po pierwsze, przydałaby się możliwość zapisania kilku adresów dostawy,
            na przykład domowego i służbowego, bez ponownego wpisywania ich za każdym razem.
            Po drugie, warto byłoby pokazywać przybliżony czas dostawy jeszcze przed złożeniem
            zamówienia, a nie dopiero po zapłacie. Po trzecie, osoby z alergiami pokarmowymi
            docenią filtr, który ukryje dania zawierające orzechy, gluten lub laktozę.
            Wiem, że wprowadzenie takich zmian wymaga czasu, ale jestem przekonana,
            że zwiększyłyby one zadowolenie klientów i liczbę zamówień.
            Chętnie wezmę udział w testach nowej wersji, jeżeli będzie taka potrzeba.
            Dziękuję za uwagę i pozdrawiam serdecznie.

            Z wyrazami szacunku
            Agnieszka Wiśniewska
            """),
        new("hu", "Ügyszám", """
            Debrecen, 2025. október 28.

            Nagy Gábor
            Kossuth Lajos tér 5.
            4024 Debrecen
            Telefon: +36 20 987 6543

            Panaszkezelési osztály
            Tisztelt Ügyfélszolgálat!

            Panaszt szeretnék tenni a 2025/771 számú számlával kapcsolatban.
            Szeptember végén egy hűtőszekrényt vásároltam az önök áruházában,
            amelyet a megígért határidő helyett csak tizenkét nap késéssel szállítottak ki.
            A készülék ajtaja ráadásul horpadt volt, és a tömítés is megsérült,
            ezért a hűtő nem zár rendesen, a belső hőmérséklet pedig nem csökken
            öt fok alá. A szállítók a hibát a szállítólevélen is rögzítették.
            Kérem, hogy a hibás készüléket tizenöt napon belül cseréljék ki,
            vagy térítsék vissza a teljes vételárat, azaz 214 990 forintot.
            Mellékelem a számla másolatát és a sérülésekről készült fényképeket.
            Várom mielőbbi írásbeli válaszukat.

            Tisztelettel:
            Nagy Gábor
            """),
        new("en", "Reference", """
            Bristol, 3 November 2025

            David Okafor
            Flat 7, 19 Harbour Road
            Bristol BS1 5LT
            Email: d.okafor@mail.invalid

            Customer Service Team
            Dear Customer Service Team,

            I would like to thank you for the way your staff handled the repair of my
            laptop, serial number XK7-2219-0031. When it stopped charging two weeks
            before my final examinations, I expected a long wait, but your technician
            diagnosed the fault the same afternoon and replaced the power board within
            three days. She also took the time to back up my files before the repair,
            which I had not even asked for, and explained clearly what had gone wrong.
            The laptop has worked perfectly ever since, and I passed my examinations.
            Please pass on my gratitude to everyone involved, in particular to the
            technician at the Cabot Circus shop. I will certainly recommend your
            service to my friends and family.

            With best wishes,
            David Okafor
            """),
    ];

    /// <summary>
    /// The reference number that every variant must read on letter page <paramref name="pageNumber"/> (1-based):
    /// digits only, since "CAP0001" came back as "CAPO001" from every variant alike; no letter contains "9000".
    /// </summary>
    public static string Marker(int pageNumber) => string.Create(CultureInfo.InvariantCulture, $"9{pageNumber:00000}");

    /// <summary>The full text of page <paramref name="pageNumber"/>: the letter cycled to that page and its reference line.</summary>
    public static string PageText(int pageNumber)
    {
        var letter = All[(pageNumber - 1) % All.Count];
        return $"{letter.ReferenceLabel}: {Marker(pageNumber)}\n\n{letter.Body.Trim()}\n";
    }
}

/// <summary>One letter: its language, the label of its reference line in that language, and its text.</summary>
internal sealed record Letter(string Language, string ReferenceLabel, string Body);
