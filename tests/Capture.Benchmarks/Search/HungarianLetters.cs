namespace Capture.Benchmarks.Search;

/// <summary>
/// Hungarian customer letters, with suffixed forms of products and cities (<c>{p.acc}</c> mosógépet, <c>{c.loc}</c>
/// Debrecenben, <c>{c.adj}</c> debreceni) and the article <c>{p.art}</c> (a/az) that goes with the product. Names are
/// written family name first, as Hungarians sign (Kovács Zoltán).
/// </summary>
internal sealed class HungarianLetters : LetterLanguage
{
    private static readonly TemplateGrammar Grammar = new(["nom", "acc", "ins", "del", "ine", "art"], ["nom", "loc", "adj"]);

    private static readonly string[] Months =
        ["január", "február", "március", "április", "május", "június", "július", "augusztus", "szeptember", "október", "november", "december"];

    public override string Code => "hu";

    public override string PhoneLabel => "Tel.: ";

    public static HungarianLetters Create() => new()
    {
        Products =
        [
            P("vízforraló|vízforralót|vízforralóval|vízforralóról|vízforralóban"), P("mosógép|mosógépet|mosógéppel|mosógépről|mosógépben"),
            P("hűtőszekrény|hűtőszekrényt|hűtőszekrénnyel|hűtőszekrényről|hűtőszekrényben"), P("porszívó|porszívót|porszívóval|porszívóról|porszívóban"),
            P("kávéfőző|kávéfőzőt|kávéfőzővel|kávéfőzőről|kávéfőzőben"), P("televízió|televíziót|televízióval|televízióról|televízióban"),
            P("laptop|laptopot|laptoppal|laptopról|laptopban"), P("telefon|telefont|telefonnal|telefonról|telefonban"),
            P("kenyérpirító|kenyérpirítót|kenyérpirítóval|kenyérpirítóról|kenyérpirítóban"),
            P("mosogatógép|mosogatógépet|mosogatógéppel|mosogatógépről|mosogatógépben"),
            P("hajszárító|hajszárítót|hajszárítóval|hajszárítóról|hajszárítóban"),
            P("mikrohullámú sütő|mikrohullámú sütőt|mikrohullámú sütővel|mikrohullámú sütőről|mikrohullámú sütőben"),
            P("robotgép|robotgépet|robotgéppel|robotgépről|robotgépben"),
            P("elektromos roller|elektromos rollert|elektromos rollerrel|elektromos rollerről|elektromos rollerben"),
            P("klíma|klímát|klímával|klímáról|klímában"), P("vasaló|vasalót|vasalóval|vasalóról|vasalóban"),
            P("irodai szék|irodai széket|irodai székkel|irodai székről|irodai székben"), P("nyomtató|nyomtatót|nyomtatóval|nyomtatóról|nyomtatóban"),
            P("sütő|sütőt|sütővel|sütőről|sütőben"),
        ],
        Cities =
        [
            C("Budapest|Budapesten|budapesti"), C("Debrecen|Debrecenben|debreceni"), C("Szeged|Szegeden|szegedi"), C("Pécs|Pécsett|pécsi"),
            C("Győr|Győrben|győri"), C("Miskolc|Miskolcon|miskolci"), C("Nyíregyháza|Nyíregyházán|nyíregyházi"),
            C("Kecskemét|Kecskeméten|kecskeméti"), C("Székesfehérvár|Székesfehérváron|székesfehérvári"),
            C("Szombathely|Szombathelyen|szombathelyi"), C("Eger|Egerben|egri"), C("Sopron|Sopronban|soproni"),
            C("Veszprém|Veszprémben|veszprémi"), C("Szolnok|Szolnokon|szolnoki"), C("Kaposvár|Kaposváron|kaposvári"),
            C("Zalaegerszeg|Zalaegerszegen|zalaegerszegi"), C("Érd|Érden|érdi"), C("Tatabánya|Tatabányán|tatabányai"),
            C("Békéscsaba|Békéscsabán|békéscsabai"),
        ],
        Items =
        [
            "használati útmutató", "tápkábel", "távirányító", "töltő", "fedél", "szűrő", "tömítés", "kancsó", "kefe", "szívócső",
            "porzsák", "talp", "akkumulátor", "víztartály", "rács", "sütőtálca", "keverőlapát", "feltét", "tápegység", "tok", "elem",
            "fali tartó", "hosszabbító", "szelep", "termosztát", "fűtőszál", "ventilátor", "főzőlap", "szűrőbetét", "vízkőoldó",
            "gőzfúvóka", "daráló", "dob", "adagoló", "görgő", "kerék", "zár", "zsanér", "rögzítőcsavar", "csúszásgátló alátét",
            "garanciajegy", "energiacímke", "tejhabosító", "csepptálca", "résszívó fej", "rugós szorító", "gumitalp",
        ],
        Streets =
        [
            "Petőfi Sándor utca", "Kossuth Lajos utca", "Rákóczi út", "Ady Endre utca", "Széchenyi tér", "Dózsa György út",
            "Arany János utca", "Bem József utca", "Jókai Mór utca", "Fő utca", "Kölcsey utca", "Szabadság tér", "Hunyadi utca",
            "Bartók Béla út", "Damjanich utca", "Rózsa utca", "Táncsics Mihály utca", "Vörösmarty utca",
        ],
        Greetings = ["Tisztelt Ügyfélszolgálat!", "Tisztelt Hölgyem/Uram!", "Jó napot kívánok!", "Kedves Ügyfélszolgálat!", "Tisztelt Cím!"],
        SignOffs = ["Tisztelettel:", "Üdvözlettel:", "Köszönettel:", "Tisztelettel,"],
        Complaint = new(
            T(
                "Panaszt szeretnék tenni {p.art} {p.nom} miatt, amelyet a {c.adj} áruházukban vásároltam.",
                "Az {order} számú rendelésemmel kapcsolatban szeretnék panaszt tenni.",
                "Ezúton jelzem, hogy a megrendelésemmel súlyos probléma van.",
                "Reklamációt szeretnék benyújtani {p.art} {p.nom} miatt, amelynek sorozatszáma {serial}.",
                "Sajnos ismét panasszal kell élnem a szolgáltatásukkal kapcsolatban.",
                "Nagyon elégedetlen vagyok {p.art} {p.ins}, amelyet az {invoice} számú számla szerint vettem Önöknél."),
            T(
                "{days} nap használat után {p.art} {p.nom} nem kapcsol be.",
                "A csomag sérülten érkezett, a doboz teljesen be volt nyomódva.",
                "Többször telefonáltam az ügyfélszolgálatra, de senki nem tudott érdemben segíteni.",
                "A számlán ({invoice}) más összeg szerepel, mint amit kifizettem.",
                "Kérem {p.art} {p.nom} cseréjét vagy a vételár visszatérítését.",
                "A termék sorozatszáma: {serial}.",
                "Mellékelten küldöm a sérülésről készült fényképeket és a blokk másolatát.",
                "A panaszomra eddig semmilyen választ nem kaptam.",
                "Ez már a második panaszom ugyanazzal a termékkel kapcsolatban.",
                "A {c.adj} szerviz javítás nélkül küldte vissza a készüléket, mondván, hogy a hibát én okoztam.",
                "A futár a csomagot az ajtó előtt hagyta, pedig személyes átadást kértem.",
                "A dobozból hiányzott: {item}.",
                "A leírás szerint a {model} típusú készüléknek csendesen kellene működnie, ehhez képest minden bekapcsoláskor zajos.",
                "Már {days} napja várok a vételár ({amount}) visszautalására.",
                "A biztosítás (kötvényszám: {policy}) elvileg fedezné az ilyen károkat, mégis elutasították a bejelentésemet.",
                "Kérem, hogy a panaszomat a törvényes határidőn belül vizsgálják ki.",
                "A megrendelésemet {days} nap késéssel szállították ki.",
                "A rendelés száma {order}, a számla száma {invoice}.",
                "A termék nem felel meg a weboldalon közölt leírásnak.",
                "Kérem, küldjék el a helyesbített számlát is."),
            T(
                "Kérem a panaszom mielőbbi kivizsgálását és tájékoztatást a további teendőkről.",
                "Amennyiben nem kapok választ, a fogyasztóvédelmi hatósághoz fordulok.",
                "Kérem, keressenek telefonon a {phone} számon.",
                "Várom mielőbbi válaszukat."),
            T("Panasz – {order}", "Reklamáció: {p.nom}", "Hibás termék", "Panaszbejelentés", "Számlareklamáció – {invoice}")),
        Suggestion = new(
            T(
                "Régóta vásárolok Önöknél, és szeretnék néhány javaslatot tenni.",
                "Javaslatom lenne a {c.adj} áruház működésével kapcsolatban.",
                "Az {order} számú rendelésem kapcsán jutott eszembe néhány ötlet.",
                "Szeretném megosztani Önökkel néhány észrevételemet a webáruházukkal kapcsolatban."),
            T(
                "Jó lenne, ha a csomagokat csomagautomatából is át lehetne venni.",
                "Hasznos lenne a szállítás valós idejű követése.",
                "A termék használati útmutatója elektronikus formában is elérhető lehetne.",
                "Javaslom, hogy a {c.adj} üzlet szombaton tovább legyen nyitva.",
                "Érdemes lenne hűségprogramot indítani a törzsvásárlók számára.",
                "A reklamációs űrlap túl hosszú, ugyanazokat az adatokat többször is meg kell adni.",
                "Javaslom, hogy a rendelés visszaigazolása tartalmazza a számla számát is.",
                "Bevezethetnék a részletfizetés lehetőségét {amount} feletti vásárlás esetén.",
                "A csomagolás lehetne kisebb és környezetbarátabb.",
                "Szívesen látnék több kiegészítőt a kínálatban, például: {item}.",
                "Az ügyfélszolgálat este 6 óra után is elérhető lehetne.",
                "A {model} termékoldaláról hiányzik az energiafogyasztásra vonatkozó információ."),
            T("Remélem, hogy javaslataim hasznosak lesznek.", "Szívesen válaszolok további kérdésekre.", "Köszönöm, hogy elolvasták a javaslatomat."),
            T("Javaslat", "Észrevételek a webáruházzal kapcsolatban", "Ötlet a {c.adj} áruház számára")),
        Thanks = new(
            T(
                "Szeretném megköszönni a panaszom gyors és korrekt intézését.",
                "Köszönöm a {c.adj} áruház munkatársainak a kedves kiszolgálást.",
                "Ezúton szeretnék köszönetet mondani az {order} számú rendelésemmel kapcsolatos segítségért.",
                "Nagyon köszönöm {p.art} {p.nom} gyors cseréjét."),
            T(
                "{staff.f} az ügyfélszolgálaton rendkívül türelmes és segítőkész volt.",
                "Az új készülék kifogástalanul működik.",
                "A vételár ({amount}) már {days} nap után visszaérkezett a számlámra.",
                "A futár pontos és nagyon udvarias volt.",
                "Biztosan ajánlani fogom Önöket a családomnak és a barátaimnak.",
                "Régen találkoztam ilyen színvonalas ügyintézéssel.",
                "Nagyra értékelem, hogy telefonon tájékoztattak a rendelés állapotáról.",
                "{staff.m} a {c.adj} üzletben segített kiválasztani a megfelelő terméket, nagyon elégedett vagyok."),
            T("Még egyszer köszönöm, további szép napot kívánok!", "Legközelebb is szívesen vásárolok Önöknél.", "Köszönöm, és üdvözlöm az egész csapatot."),
            T("Köszönet", "Köszönöm a segítséget", "Köszönetnyilvánítás")),
        FollowUpOpeners = T(
            "Hivatkozva a {firstdate} kelt levelemre ({reg}), szeretném emlékeztetni Önöket az ügyemre.",
            "Ismét a {reg} ügyszámú panaszommal kapcsolatban írok, mivel még mindig nem kaptam választ.",
            "Kiegészítésként további információkat küldök a {reg} ügyhöz.",
            "Már {days} nap telt el a {reg} bejelentése óta, de az ügy még mindig nincs lezárva."),
        FollowUpSubjects = T("Emlékeztető – {reg}", "Kiegészítés a {reg} ügyhöz", "Ügyszám: {reg}"),
        Fillers = T(
            "A vásárlás dátuma: {date}.",
            "A terméket személyesen vettem át a {c.adj} átvételi ponton.",
            "Eddig mindig elégedett voltam a szolgáltatásukkal.",
            "A terméket ajándékba vettem az édesanyámnak.",
            "{c.loc} lakom, a legközelebbi üzletük néhány kilométerre van tőlem.",
            "A fizetés banki átutalással történt a rendelés napján.",
            "A csomag {days} munkanap után érkezett meg.",
            "!Többször hívtam az ügyfélszolgálatot, de fél óránál is tovább kellett várnom.",
            "!Az ügyintéző fényképeket kért, amelyeket azonnal el is küldtem.",
            "Korábban már vásároltam Önöknél {p.acc}, és semmi gond nem volt vele.",
            "!A használati útmutatóban nincs leírva, mi a teendő ilyen esetben.",
            "Levelezési címem: {c.nom}, {street}",
            "!Hozzáteszem, hogy a készüléket a használati útmutató szerint használtam.",
            "Nem szeretnék nagy ügyet csinálni belőle, de úgy érzem, jeleznem kell.",
            "Több éve vásárolok a webáruházukban.",
            "Két kisgyermekünk van, ezért nagyon fontos, hogy a készülékek megbízhatóan működjenek.",
            "Otthonról dolgozom, ezért olyan eszközre van szükségem, amelyre számíthatok.",
            "A szomszédom ajánlotta az üzletüket a jó vélemények miatt.",
            "!Fontos lenne, hogy az ügy gyorsan rendeződjön, mert hamarosan elutazom.",
            "Telefonszámom: {phone}.",
            "A {model} típusról az interneten nagyon jó véleményeket olvastam.",
            "A weboldalon a termék ára {amount} volt.",
            "A szállítmány biztosítva volt, a kötvény száma {policy}.",
            "A rendelés ezt is tartalmazta: {item}.",
            "A blokkot és a garanciajegyet megőriztem.",
            "!Az egész ügy már rengeteg időmet elvette.",
            "Kérem, igazolják vissza levelem beérkezését.",
            "Ha további dokumentumokra van szükség, szívesen elküldöm őket.",
            "!Jövő héten családi ünnepséget tartunk, ezért gyors válaszban bízom.",
            "Idős ember vagyok, ritkán használom az internetet, ezért írok levélben.",
            "A {c.adj} üzletben nagyon kedvesek voltak az eladók.",
            "!A kiszállítás utáni napon karcolást vettem észre a készülék oldalán.",
            "!A készüléket az útmutató szerint csatlakoztattam, mégsem működik megfelelően.",
            "!A sógorom megpróbálta megjavítani, de nem sikerült.",
            "!A helyesbítő számlát a mai napig nem kaptam meg.",
            "!A vásárlói fiókomban a rendelés állapota még mindig „feldolgozás alatt”.",
            "!Beszéltem egy ügyintézővel, aki megígérte, hogy {days} napon belül visszahív.",
            "!A kiszállítás időpontja {date} lett volna, de a futár nem jött.",
            "Szeretném megőrizni a jó kapcsolatot a cégükkel.",
            "A vásárlás óta {days} nap telt el.",
            "A termékre 24 hónap jótállás vonatkozik.",
            "!Korábban már írtam e-mailt a reklamációs osztálynak, de nem kaptam választ.",
            "!Az előző rendelésből kapott kuponkód nem működött.",
            "A terméket a közelgő ünnepekre vettem.",
            "A csomagban ezek voltak: {item} és {item}.",
            "!A kartondoboz átázott, mintha a csomag az esőben állt volna.",
            "Jövő hónapban újabb vásárlást tervezek Önöknél.",
            "!A szerelő, aki kijött hozzánk, nem hozta magával a szükséges alkatrészeket."),
        Names = new NameBook(
            ["Zoltán", "László", "István", "József", "János", "Gábor", "Ferenc", "Attila", "Péter", "Tamás", "Zsolt", "Sándor", "Tibor",
             "András", "Csaba", "Imre", "Lajos", "György", "Balázs", "Gergő", "Ádám", "Bence", "Dániel", "Máté", "Levente"],
            ["Éva", "Katalin", "Erzsébet", "Ilona", "Anikó", "Zsuzsanna", "Mária", "Judit", "Ágnes", "Krisztina", "Andrea", "Erika",
             "Eszter", "Edit", "Tímea", "Nóra", "Anna", "Réka", "Zsófia", "Viktória", "Dóra", "Boglárka", "Orsolya", "Gabriella", "Ildikó"],
            ["Nagy", "Kovács", "Tóth", "Szabó", "Horváth", "Varga", "Kiss", "Molnár", "Németh", "Farkas", "Balogh", "Papp", "Takács",
             "Juhász", "Lakatos", "Mészáros", "Oláh", "Simon", "Rácz", "Fekete", "Szilágyi", "Török", "Fehér", "Balázs", "Gál", "Kis",
             "Szűcs", "Kocsis", "Pintér", "Fodor", "Szalai", "Sipos", "Magyar", "Lukács", "Gulyás", "Bíró", "Király", "Katona", "László",
             "Jakab", "Bogdán", "Sándor", "Boros", "Fazekas", "Kelemen", "Antal", "Somogyi", "Orosz", "Fülöp", "Vincze", "Veres",
             "Hegedűs", "Deák", "Bálint", "Illés", "Vass", "Szőke", "Fábián", "Vörös", "Lengyel", "Bodnár", "Győri", "Pásztor"],
            familyNameFirst: true),
        EmailDomains = ["example.hu", "freemail.example.hu", "example.com", "citromail.example.hu"],
        AttachmentNames = ["panasz.pdf", "level.pdf", "reklamacio.pdf", "szamla_masolat.pdf", "bejelentes.docx"],
    };

    public override string FormatDate(DateTime date, int style) => (style % 2) switch
    {
        0 => $"{Number(date.Year, "D")}. {Months[date.Month - 1]} {Number(date.Day, "D")}.",
        _ => $"{Number(date.Year, "D")}.{Number(date.Month, "D2")}.{Number(date.Day, "D2")}.",
    };

    public override string FormatAmount(int whole, int cents, int style)
    {
        // Forints have no fillér in practice; a Hungarian price is a whole number of tens.
        var forints = (whole * 100) + (cents * 10);
        var grouped = forints < 1_000_000
            ? $"{Number(forints / 1000, "D")} {Number(forints % 1000, "D3")}"
            : $"{Number(forints / 1_000_000, "D")} {Number(forints / 1000 % 1000, "D3")} {Number(forints % 1000, "D3")}";
        return style % 2 == 0 ? grouped + " Ft" : grouped + " HUF";
    }

    public override string FormatPhone(Random random) =>
        $"{(random.Next(2) == 0 ? "+36" : "06")} {Number(random.Next(3) switch { 0 => 20, 1 => 30, _ => 70 }, "D")} {Number(random.Next(100, 1000), "D")} {Number(random.Next(10_000), "D4")}";

    public override string FormatOrder(int year, int sequence) => $"R-{Number(year, "D")}-{Number(sequence, "D5")}";

    public override string FormatInvoice(int year, int month, int sequence) => $"SZ-{Number(year, "D")}/{Number((month * 1000) + sequence, "D5")}";

    public override string FormatStreet(string street, int number) => $"{street} {Number(number, "D")}.";

    private static SentenceTemplate[] T(params string[] patterns) => [.. patterns.Select(pattern => new SentenceTemplate(pattern, Grammar))];

    /// <summary>A product with its article added as the last form: "az" before a vowel, "a" otherwise.</summary>
    private static InflectedWord P(string forms)
    {
        var split = forms.Split('|');
        return new([.. split, "aáeéiíoóöőuúüű".Contains(split[0][0], StringComparison.Ordinal) ? "az" : "a"]);
    }

    private static InflectedWord C(string forms) => new(forms.Split('|'));
}
