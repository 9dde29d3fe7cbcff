namespace Capture.Benchmarks.Search;

/// <summary>
/// Polish customer letters. Templates agree with the writer's gender (<c>{a:zamówiłem|zamówiłam}</c>) and the product's
/// (<c>{g:który|która|które}</c>), and products and cities are declined: <c>{p.gen}</c> czajnika, <c>{c.loc}</c> Łodzi.
/// </summary>
internal sealed class PolishLetters : LetterLanguage
{
    private static readonly TemplateGrammar Grammar = new(["nom", "gen", "acc", "ins", "loc"], ["nom", "gen", "loc"]);

    private static readonly string[] MonthsGenitive =
        ["stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia", "września", "października", "listopada", "grudnia"];

    public override string Code => "pl";

    public override string PhoneLabel => "tel. ";

    public static PolishLetters Create() => new()
    {
        Products =
        [
            M("czajnik elektryczny|czajnika elektrycznego|czajnik elektryczny|czajnikiem elektrycznym|czajniku elektrycznym"),
            M("czajnik|czajnika|czajnik|czajnikiem|czajniku"), M("odkurzacz|odkurzacza|odkurzacz|odkurzaczem|odkurzaczu"),
            M("telewizor|telewizora|telewizor|telewizorem|telewizorze"), M("laptop|laptopa|laptop|laptopem|laptopie"),
            M("ekspres do kawy|ekspresu do kawy|ekspres do kawy|ekspresem do kawy|ekspresie do kawy"),
            M("toster|tostera|toster|tosterem|tosterze"), M("telefon|telefonu|telefon|telefonem|telefonie"),
            M("robot kuchenny|robota kuchennego|robot kuchenny|robotem kuchennym|robocie kuchennym"),
            M("piekarnik|piekarnika|piekarnik|piekarnikiem|piekarniku"), M("blender|blendera|blender|blenderem|blenderze"),
            M("klimatyzator|klimatyzatora|klimatyzator|klimatyzatorem|klimatyzatorze"),
            M("rower elektryczny|roweru elektrycznego|rower elektryczny|rowerem elektrycznym|rowerze elektrycznym"),
            F("pralka|pralki|pralkę|pralką|pralce"), F("lodówka|lodówki|lodówkę|lodówką|lodówce"),
            F("zmywarka|zmywarki|zmywarkę|zmywarką|zmywarce"), F("drukarka|drukarki|drukarkę|drukarką|drukarce"),
            F("suszarka do włosów|suszarki do włosów|suszarkę do włosów|suszarką do włosów|suszarce do włosów"),
            F("kuchenka mikrofalowa|kuchenki mikrofalowej|kuchenkę mikrofalową|kuchenką mikrofalową|kuchence mikrofalowej"),
            F("hulajnoga elektryczna|hulajnogi elektrycznej|hulajnogę elektryczną|hulajnogą elektryczną|hulajnodze elektrycznej"),
            N("żelazko|żelazka|żelazko|żelazkiem|żelazku"), N("radio|radia|radio|radiem|radiu"),
            N("krzesło biurowe|krzesła biurowego|krzesło biurowe|krzesłem biurowym|krześle biurowym"),
        ],
        Cities =
        [
            M("Łódź|Łodzi|Łodzi"), M("Kraków|Krakowa|Krakowie"), M("Warszawa|Warszawy|Warszawie"), M("Poznań|Poznania|Poznaniu"),
            M("Wrocław|Wrocławia|Wrocławiu"), M("Gdańsk|Gdańska|Gdańsku"), M("Szczecin|Szczecina|Szczecinie"),
            M("Lublin|Lublina|Lublinie"), M("Katowice|Katowic|Katowicach"), M("Białystok|Białegostoku|Białymstoku"),
            M("Bydgoszcz|Bydgoszczy|Bydgoszczy"), M("Rzeszów|Rzeszowa|Rzeszowie"), M("Toruń|Torunia|Toruniu"),
            M("Kielce|Kielc|Kielcach"), M("Olsztyn|Olsztyna|Olsztynie"), M("Opole|Opola|Opolu"), M("Gdynia|Gdyni|Gdyni"),
            M("Częstochowa|Częstochowy|Częstochowie"), M("Radom|Radomia|Radomiu"), M("Zielona Góra|Zielonej Góry|Zielonej Górze"),
            M("Bielsko-Biała|Bielska-Białej|Bielsku-Białej"),
        ],
        Items =
        [
            "instrukcja obsługi", "kabel zasilający", "pilot", "ładowarka", "pokrywka", "filtr", "uszczelka", "dzbanek", "szczotka",
            "wąż ssący", "worek na kurz", "podstawka", "akumulator", "pojemnik na wodę", "ruszt", "blacha do pieczenia", "mieszadło",
            "nakładka", "zasilacz", "etui", "bateria", "uchwyt ścienny", "przedłużacz", "zawór", "termostat", "grzałka", "wentylator",
            "płyta grzewcza", "sitko", "odkamieniacz", "wkład filtrujący", "dysza parowa", "młynek", "bęben", "dozownik", "rolka",
            "kółko", "zatrzask", "zawias", "śruba mocująca", "podkładka antypoślizgowa", "karta gwarancyjna", "etykieta energetyczna",
            "spieniacz do mleka", "tacka ociekowa", "końcówka szczelinowa", "wężownica", "sprężyna dociskowa", "gumowa stopka",
        ],
        Streets =
        [
            "Piotrkowska", "Długa", "Kwiatowa", "Lipowa", "Słoneczna", "Polna", "Ogrodowa", "Leśna", "Mickiewicza", "Kościuszki",
            "Sienkiewicza", "Żeromskiego", "Wojska Polskiego", "Marszałkowska", "Grunwaldzka", "Zielona", "Szkolna", "Łąkowa",
            "Źródlana", "Chopina",
        ],
        Greetings = ["Szanowni Państwo,", "Dzień dobry,", "Witam,", "Dzień dobry Państwu,", "Szanowna Pani, Szanowny Panie,"],
        SignOffs = ["Z poważaniem,", "Pozdrawiam,", "Z wyrazami szacunku,", "Łączę pozdrowienia,"],
        Complaint = new(
            T(
                "Składam reklamację dotyczącą {p.gen} {g:zakupionego|zakupionej|zakupionego} w Państwa sklepie w {c.loc} dnia {date}.",
                "Zwracam się z reklamacją {p.gen} z zamówienia {order}, {g:który|która|które} przestał{g:|a|o} działać po kilku dniach.",
                "Niniejszym składam reklamację zamówienia nr {order} z dnia {date}.",
                "Piszę w sprawie reklamacji {p.gen}, {g:którego|którą|które} {a:odebrałem|odebrałam} {date} w punkcie odbioru w {c.loc}.",
                "Chciał{a:bym|abym} złożyć reklamację na {p.acc} o numerze seryjnym {serial}.",
                "Jestem bardzo {a:niezadowolony|niezadowolona} z {p.gen}, {g:którego|którą|które} {a:kupiłem|kupiłam} u Państwa na fakturę {invoice}."),
            T(
                "Po {days} dniach użytkowania {p.nom} przestał{g:|a|o} się włączać.",
                "Urządzenie dotarło z pękniętą obudową, a karton był wyraźnie zgnieciony.",
                "{a:Zgłaszałem|Zgłaszałam} usterkę telefonicznie, ale do dziś nikt się ze mną nie skontaktował.",
                "Zapłaci{a:łem|łam} {amount} i oczekuję, że towar będzie działał zgodnie z opisem.",
                "Na fakturze {invoice} widnieje inna kwota niż ta, którą zapłaci{a:łem|łam} przy odbiorze.",
                "W załączeniu przesyłam zdjęcia uszkodzenia oraz kopię paragonu.",
                "Proszę o wymianę {p.gen} na nowy egzemplarz lub zwrot pieniędzy.",
                "Zgodnie z ustawą o prawach konsumenta żądam naprawy albo wymiany towaru.",
                "Kurier zostawił paczkę pod drzwiami, mimo że prosi{a:łem|łam} o doręczenie do rąk własnych.",
                "Serwis w {c.loc} odesłał {p.acc} bez naprawy, twierdząc, że usterka powstała z mojej winy.",
                "To już druga reklamacja tego samego produktu w ciągu {days} dni.",
                "W zamówieniu {order} zabrakło jednego elementu: {item}.",
                "Model {model} ma według instrukcji działać bezgłośnie, a tymczasem hałasuje przy każdym uruchomieniu.",
                "Czekam na zwrot {amount} już od {days} dni.",
                "Numer seryjny urządzenia to {serial}, a numer zamówienia {order}.",
                "Ubezpieczenie sprzętu (polisa {policy}) miało obejmować takie uszkodzenia, jednak zgłoszenie zostało odrzucone.",
                "Reklamacja nie została rozpatrzona w ustawowym terminie 14 dni.",
                "Moja reklamacja dotyczy również opóźnienia dostawy o {days} dni.",
                "Po wymianie {p.nom} nadal nie działa, a ja tracę cierpliwość.",
                "Proszę również o przesłanie faktury korygującej do faktury {invoice}."),
            T(
                "Proszę o pilne rozpatrzenie reklamacji i informację o dalszym postępowaniu.",
                "Oczekuję odpowiedzi w ciągu 14 dni, zgodnie z przepisami.",
                "W razie braku odpowiedzi będę zmuszon{a:y|a} zwrócić się do rzecznika praw konsumentów.",
                "Proszę o kontakt telefoniczny pod numerem {phone}."),
            T("Reklamacja {p.gen}", "Reklamacja – zamówienie {order}", "Zgłoszenie reklamacyjne", "Uszkodzony towar – {order}", "Reklamacja faktury {invoice}")),
        Suggestion = new(
            T(
                "Jestem Państwa {a:stałym klientem|stałą klientką} i chciał{a:bym|abym} zaproponować kilka usprawnień.",
                "Piszę z propozycją dotyczącą sklepu w {c.loc}.",
                "Mam sugestię dotyczącą składania zamówień w Państwa sklepie internetowym.",
                "Przy okazji zamówienia {order} nasunęło mi się kilka uwag."),
            T(
                "Warto byłoby dodać możliwość odbioru zamówień w paczkomatach.",
                "Przydałaby się opcja śledzenia przesyłki w czasie rzeczywistym.",
                "Instrukcja obsługi {p.gen} mogłaby być dostępna również w formie elektronicznej.",
                "Sugeruję wydłużenie godzin otwarcia sklepu w {c.loc} w soboty.",
                "Dobrym pomysłem byłby program lojalnościowy dla stałych klientów.",
                "Formularz reklamacyjny na stronie jest zbyt długi i wymaga podawania tych samych danych kilka razy.",
                "Proponuję, aby potwierdzenie zamówienia zawierało numer faktury.",
                "Można by wprowadzić płatności ratalne przy zakupach powyżej {amount}.",
                "Opakowania mogłyby być mniejsze i bardziej ekologiczne.",
                "Chętnie widział{a:bym|abym} w ofercie więcej akcesoriów, na przykład: {item}.",
                "Infolinia mogłaby działać także wieczorem, po godzinie 18.",
                "Na stronie produktu {model} brakuje informacji o zużyciu energii."),
            T(
                "Mam nadzieję, że moje uwagi okażą się przydatne.",
                "Chętnie odpowiem na dodatkowe pytania.",
                "Będę wdzięczn{a:y|a} za informację, czy propozycja zostanie wzięta pod uwagę."),
            T("Propozycja", "Sugestia dotycząca sklepu w {c.loc}", "Uwagi do obsługi zamówień", "Pomysł na usprawnienie")),
        Thanks = new(
            T(
                "Chciał{a:bym|abym} serdecznie podziękować za szybkie rozpatrzenie mojej reklamacji.",
                "Dziękuję za profesjonalną obsługę w sklepie w {c.loc}.",
                "Piszę, aby podziękować za pomoc przy zamówieniu {order}.",
                "Serdecznie dziękuję za sprawną wymianę {p.gen}."),
            T(
                "Pani {staff.f} z działu obsługi klienta wykazała się dużą cierpliwością i życzliwością.",
                "Wymieniony egzemplarz działa bez zarzutu.",
                "Zwrot {amount} dotarł na moje konto już po {days} dniach.",
                "Kurier był punktualny i bardzo uprzejmy.",
                "Na pewno polecę Państwa sklep rodzinie i znajomym.",
                "Dawno nie spotkał{a:em|am} się z tak dobrą obsługą.",
                "Doceniam, że zadzwonili Państwo z informacją o statusie zamówienia.",
                "Pan {staff.m} ze sklepu w {c.loc} doradził mi wybór {p.gen} i był to strzał w dziesiątkę."),
            T(
                "Jeszcze raz bardzo dziękuję i życzę miłego dnia.",
                "Z przyjemnością skorzystam z Państwa usług ponownie.",
                "Dziękuję i pozdrawiam cały zespół."),
            T("Podziękowanie", "Dziękuję za pomoc", "Podziękowania dla obsługi sklepu w {c.loc}")),
        FollowUpOpeners = T(
            "Nawiązując do mojej reklamacji {reg} z dnia {firstdate}, uprzejmie przypominam o sprawie.",
            "Piszę ponownie w sprawie {reg}, ponieważ nadal nie otrzymał{a:em|am} odpowiedzi.",
            "W uzupełnieniu mojego pisma z dnia {firstdate} przesyłam dodatkowe informacje do sprawy {reg}.",
            "Minęło już {days} dni od zgłoszenia {reg}, a sprawa wciąż nie została załatwiona."),
        FollowUpSubjects = T("Ponaglenie – sprawa {reg}", "Uzupełnienie do sprawy {reg}", "Dotyczy {reg}"),
        Fillers = T(
            "Zakupu dokona{a:łem|łam} {date} w sklepie internetowym.",
            "Towar odebrał{a:em|am} osobiście w punkcie w {c.loc}.",
            "Do tej pory korzystał{a:em|am} z Państwa usług wielokrotnie i zawsze był{a:em|am} {a:zadowolony|zadowolona}.",
            "Ten produkt był prezentem dla mojej mamy.",
            "Mieszkam w {c.loc} i do najbliższego sklepu mam kilka kilometrów.",
            "Płatność została zrealizowana przelewem w dniu zamówienia.",
            "Paczka dotarła po {days} dniach roboczych.",
            "!Dzwonił{a:em|am} na infolinię kilka razy, ale czas oczekiwania wynosił ponad pół godziny.",
            "!Konsultant poprosił mnie o przesłanie zdjęć, co od razu zrobił{a:em|am}.",
            "Wcześniej {a:kupiłem|kupiłam} u Państwa {p.acc} i nie miał{a:em|am} żadnych problemów.",
            "!W instrukcji nie ma informacji, jak postępować w takiej sytuacji.",
            "Mój adres do korespondencji to {street}, {c.nom}.",
            "!Dodam, że urządzenie było używane zgodnie z instrukcją.",
            "Nie chciał{a:bym|abym} robić z tego wielkiej sprawy, ale uważam, że warto o tym napisać.",
            "Korzystam z Państwa sklepu od kilku lat.",
            "W domu mamy dwoje małych dzieci, więc sprawny sprzęt jest dla nas bardzo ważny.",
            "Pracuję zdalnie i potrzebuję sprzętu, na którym mogę polegać.",
            "Sąsiadka poleciła mi Państwa sklep ze względu na dobre opinie.",
            "!Zależy mi na szybkim załatwieniu sprawy, ponieważ niedługo wyjeżdżam.",
            "Mój numer telefonu to {phone}.",
            "Opinie w internecie na temat modelu {model} są bardzo dobre.",
            "Na stronie internetowej cena wynosiła {amount}.",
            "Przesyłka była ubezpieczona, numer polisy {policy}.",
            "Zamówienie obejmowało również: {item}.",
            "Paragon i kartę gwarancyjną zachował{a:em|am}.",
            "!Cała sytuacja zajęła mi już sporo czasu.",
            "Proszę o potwierdzenie otrzymania tej wiadomości.",
            "Jeśli potrzebne są dodatkowe dokumenty, chętnie je dostarczę.",
            "!Za tydzień mamy w domu uroczystość rodzinną i liczę na szybką odpowiedź.",
            "Jestem osobą starszą i rzadko korzystam z internetu, dlatego piszę list.",
            "W sklepie w {c.loc} obsługa była bardzo miła.",
            "!Dzień po dostawie zauważył{a:em|am} rysę na obudowie.",
            "!Urządzenie podłączył{a:em|am} zgodnie z instrukcją, a mimo to nie działa poprawnie.",
            "!Szwagier próbował to naprawić, ale bez skutku.",
            "!Do dziś nie otrzymał{a:em|am} faktury korygującej.",
            "!Na moim koncie klienta zamówienie wciąż ma status „w realizacji”.",
            "!Rozmawiał{a:em|am} z konsultantką, która obiecała oddzwonić w ciągu {days} dni.",
            "!Dostawa miała nastąpić {date}, ale kurier się nie pojawił.",
            "Zależy mi na dobrych relacjach z Państwa firmą.",
            "Od zakupu minęło {days} dni.",
            "Gwarancja na ten produkt obowiązuje przez 24 miesiące.",
            "!Wysłał{a:em|am} już wcześniej e-mail do działu reklamacji, ale nie dostał{a:em|am} odpowiedzi.",
            "!Kod rabatowy z poprzedniego zamówienia nie zadziałał.",
            "Produkt kupił{a:em|am} z myślą o zbliżających się świętach.",
            "W paczce znajdowały się: {item} oraz {item}.",
            "!Kartonowe opakowanie było zamoczone, jakby paczka stała na deszczu.",
            "W przyszłym miesiącu planuję kolejne zakupy w Państwa sklepie.",
            "!Serwisant, który przyjechał {date}, nie miał ze sobą potrzebnych części."),
        Names = new NameBook(
            ["Łukasz", "Piotr", "Krzysztof", "Tomasz", "Paweł", "Michał", "Marcin", "Grzegorz", "Jakub", "Adam", "Wojciech", "Mateusz",
             "Andrzej", "Jan", "Stanisław", "Józef", "Dariusz", "Rafał", "Sebastian", "Bartłomiej", "Kacper", "Szymon", "Zbigniew", "Jerzy", "Maciej"],
            ["Anna", "Katarzyna", "Małgorzata", "Agnieszka", "Barbara", "Ewa", "Magdalena", "Joanna", "Aleksandra", "Zofia", "Monika",
             "Dorota", "Beata", "Justyna", "Natalia", "Karolina", "Marta", "Elżbieta", "Jadwiga", "Halina", "Grażyna", "Urszula", "Weronika", "Żaneta", "Iwona"],
            ["Nowak", "Kowalski", "Wiśniewski", "Wójcik", "Kowalczyk", "Kamiński", "Lewandowski", "Zieliński", "Szymański", "Woźniak",
             "Dąbrowski", "Kozłowski", "Jankowski", "Mazur", "Kwiatkowski", "Krawczyk", "Piotrowski", "Grabowski", "Nowakowski", "Pawłowski",
             "Michalski", "Król", "Wieczorek", "Jabłoński", "Wróbel", "Majewski", "Olszewski", "Stępień", "Jaworski", "Malinowski", "Górski",
             "Dudek", "Pawlak", "Witkowski", "Walczak", "Sikora", "Baran", "Rutkowski", "Michalak", "Szewczyk", "Ostrowski", "Tomaszewski",
             "Pietrzak", "Zalewski", "Wróblewski", "Jasiński", "Marciniak", "Zając", "Sadowski", "Bąk", "Duda", "Włodarczyk", "Chmielewski",
             "Błaszczyk", "Żak", "Łuczak", "Śliwiński", "Gałązka", "Ćwik", "Żurawski"],
            familyNameFirst: false),
        EmailDomains = ["example.pl", "poczta.example.pl", "example.com", "mail.example.pl"],
        AttachmentNames = ["reklamacja.pdf", "pismo.pdf", "skan_faktury.pdf", "list.pdf", "zgloszenie.docx"],
    };

    public override string FormatDate(DateTime date, int style) => (style % 3) switch
    {
        0 => $"{Number(date.Day, "D")} {MonthsGenitive[date.Month - 1]} {Number(date.Year, "D")}",
        1 => $"{Number(date.Day, "D2")}.{Number(date.Month, "D2")}.{Number(date.Year, "D")}",
        _ => $"{Number(date.Day, "D2")}.{Number(date.Month, "D2")}.{Number(date.Year, "D")} r.",
    };

    public override string FormatAmount(int whole, int cents, int style) => (style % 3) switch
    {
        0 => $"{Grouped(whole)},{Number(cents, "D2")} zł",
        1 => $"{Grouped(whole)} zł",
        _ => $"{Grouped(whole)},{Number(cents, "D2")} PLN",
    };

    public override string FormatPhone(Random random) => (random.Next(3)) switch
    {
        0 => $"+48 {Number(random.Next(500, 900), "D")} {Number(random.Next(1000), "D3")} {Number(random.Next(1000), "D3")}",
        1 => $"{Number(random.Next(500, 900), "D")} {Number(random.Next(1000), "D3")} {Number(random.Next(1000), "D3")}",
        _ => $"{Number(random.Next(500, 900), "D")}-{Number(random.Next(1000), "D3")}-{Number(random.Next(1000), "D3")}",
    };

    public override string FormatOrder(int year, int sequence) => $"ZAM/{Number(year, "D")}/{Number(sequence, "D5")}";

    public override string FormatInvoice(int year, int month, int sequence) =>
        $"FV/{Number(year, "D")}/{Number(month, "D2")}/{Number(sequence, "D4")}";

    public override string FormatStreet(string street, int number) => $"ul. {street} {Number(number, "D")}";

    private static string Grouped(int value) => value < 1000 ? Number(value, "D") : $"{Number(value / 1000, "D")} {Number(value % 1000, "D3")}";

    private static SentenceTemplate[] T(params string[] patterns) => [.. patterns.Select(pattern => new SentenceTemplate(pattern, Grammar))];

    private static InflectedWord M(string forms) => new(forms.Split('|'), 0);

    private static InflectedWord F(string forms) => new(forms.Split('|'), 1);

    private static InflectedWord N(string forms) => new(forms.Split('|'), 2);
}
