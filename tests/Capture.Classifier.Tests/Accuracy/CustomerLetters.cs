namespace Capture.Classifier.Tests.Accuracy;

/// <summary>A customer letter written for the accuracy tests; its text is the ground truth of its scans.</summary>
/// <param name="Name">A short name that also names its files, e.g. <c>pl-reklamacja</c>.</param>
/// <param name="Text">The letter, one line per printed line.</param>
internal sealed record CustomerLetter(string Name, string Text)
{
    /// <summary>Finds a letter by <see cref="Name"/>.</summary>
    public static CustomerLetter Named(string name) => CustomerLetters.All.Single(letter => letter.Name == name);
}

/// <summary>
/// Two Polish and two Hungarian letters such as Capture receives: names, addresses, order, policy and account numbers,
/// and every diacritic of both alphabets (ąćęłńóśźż, áéíóöőúüű), some of them in capitals.
/// </summary>
internal static class CustomerLetters
{
    public static readonly CustomerLetter PolishComplaint = new(
        "pl-reklamacja",
        """
        Małgorzata Wiśniewska
        ul. Źródlana 17 m. 4
        61-874 Poznań
        Poznań, 14 października 2025 r.
        Sklep Internetowy Żuraw sp. z o.o.
        ul. Łąkowa 3, 90-562 Łódź
        Reklamacja zamówienia nr ZAM-2025/10/4471
        Szanowni Państwo,
        dnia 2 października otrzymałam przesyłkę z ekspresem do kawy,
        numer seryjny SN-88412-ĘŻ. Urządzenie nie włącza się, a obudowa
        jest pęknięta przy zbiorniku na wodę. Proszę o wymianę ekspresu
        na nowy albo zwrot należności 1249,99 zł na rachunek
        PL61 1090 1014 0000 0712 1981 2874 w ciągu czternastu dni.
        Zdjęcia uszkodzeń załączam. Kontakt: m.wisniewska@poczta.pl.
        Z poważaniem, Małgorzata Wiśniewska
        """);

    public static readonly CustomerLetter PolishThanks = new(
        "pl-podziekowanie",
        """
        Jerzy Kołodziejczyk
        os. Słoneczne 22/15
        31-942 Kraków
        Kraków, 3 listopada 2025 r.
        Towarzystwo Ubezpieczeń Gwiazda S.A.
        al. Jerozolimskie 118, 02-017 Warszawa
        Dotyczy polisy nr POL/2024/558812 i szkody nr SZK-77310
        Szanowni Państwo,
        dziękuję za szybką wypłatę odszkodowania po zalaniu mieszkania.
        Pani Żaneta Błaszczyk z działu likwidacji szkód była bardzo
        uprzejma, cierpliwie odpowiadała na pytania i pomogła mi
        uzupełnić dokumenty. Pieniądze w kwocie 4 380,50 zł wpłynęły
        już po sześciu dniach. Proponuję też, aby formularz zgłoszenia
        można było podpisać przez internet, bez wizyty w oddziale.
        Łączę wyrazy szacunku, tel. 601 234 987
        """);

    public static readonly CustomerLetter HungarianComplaint = new(
        "hu-panasz",
        """
        Szőke Ildikó
        Petőfi Sándor utca 31. II. em. 5.
        6720 Szeged
        Szeged, 2025. október 21.
        Gyorsposta Futárszolgálat Zrt.
        Váci út 188., 1138 Budapest
        Tárgy: panasz a KSZ-2025-09817 számú rendelés kézbesítéséről
        Tisztelt Ügyfélszolgálat!
        A megrendelt hűtőszekrényt három hét késéssel szállították ki,
        és az ajtaja horpadt volt. A futár nem várta meg, hogy
        átnézzem a csomagot, az átvételi íven pedig hibás dátum áll.
        Kérem, hogy a készüléket cseréljék ki, vagy térítsék vissza
        a kifizetett 289 990 Ft-ot a 11773016-01234567 számú számlára.
        Elérhetőségem: szoke.ildiko@levelezo.hu, +36 30 456 7812
        Üdvözlettel: Szőke Ildikó
        """);

    public static readonly CustomerLetter HungarianSuggestion = new(
        "hu-javaslat",
        """
        Dr. Kővári Gyöngyvér
        Rákóczi út 7/B, fsz. 2.
        9022 Győr
        Győr, 2025. november 5.
        Zöldág Közművek Nyrt.
        Fő tér 12., 4025 Debrecen
        Tárgy: javaslat, ügyfélszám ÜA-448120, számlaszám 2025/11/00731
        Tisztelt Hölgyem / Uram!
        Évek óta elégedett ügyfelük vagyok, ezért szeretnék egy
        javaslatot tenni. Jó lenne, ha a mérőóra állását nemcsak
        telefonon, hanem egy egyszerű űrlapon is be lehetne jelenteni.
        Az idős szüleim gyakran nem érik el az ügyintézőt, és
        többször hiába vártak fél órát. Köszönöm Fehér Ödönnek a
        türelmes segítséget a múlt hónapban. Telefon: +36 96 512 044
        Tisztelettel: Dr. Kővári Gyöngyvér
        """);

    public static IReadOnlyList<CustomerLetter> All { get; } = [PolishComplaint, PolishThanks, HungarianComplaint, HungarianSuggestion];
}
