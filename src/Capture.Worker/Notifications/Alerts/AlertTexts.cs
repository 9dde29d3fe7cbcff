using Archive.Store.Alerts;

namespace Capture.Worker.Notifications.Alerts;

/// <summary>
/// The wording of alert e-mails in Polish, Hungarian and English. Alerts go to colleagues, so plain strings do; the
/// customer-facing acknowledgements use templates instead. <c>{0}</c> is the registration number, <c>{1}</c> a date.
/// </summary>
internal sealed record AlertTexts(
    string Assigned,
    string CustomerReply,
    string Reminder,
    string DeadlineAtRisk,
    string DeadlineMissed,
    string Digest,
    string AssignedIntro,
    string CustomerReplyIntro,
    string ReminderIntro,
    string DeadlineAtRiskIntro,
    string DeadlineMissedIntro,
    string DigestIntro,
    string DigestEmpty,
    string Case,
    string Subject,
    string Customer,
    string Category,
    string Status,
    string Received,
    string Handler,
    string Nobody,
    string Deadline,
    string Note,
    string Missed,
    string AtRisk,
    string Due,
    string Paused,
    string WaitingSince,
    string Footer)
{
    private static readonly Dictionary<string, AlertTexts> ByLanguage = new(StringComparer.Ordinal)
    {
        ["pl"] = new(
            "Nowa sprawa przydzielona", "Odpowiedź klienta", "Przypomnienie", "Termin zagrożony", "Termin przekroczony", "Twoje otwarte sprawy",
            "Przydzielono Ci sprawę {0}.",
            "Klient napisał ponownie w sprawie {0}.",
            "Przypomnienie ustawione w sprawie {0}:",
            "Termin odpowiedzi w sprawie {0} jest zagrożony: upływa {1}. Priorytet sprawy został podniesiony.",
            "Termin odpowiedzi w sprawie {0} upłynął {1}.",
            "Twoje otwarte sprawy, od najpilniejszych ({1}):",
            "Nie masz otwartych spraw.",
            "Sprawa", "Temat", "Klient", "Kategoria", "Status", "Otrzymano", "Prowadzący", "nikt", "Termin", "Notatka",
            "termin przekroczony", "termin zagrożony", "termin", "termin wstrzymany, czekamy na klienta", "czeka od",
            "Wiadomość wysłana automatycznie przez Capture."),
        ["hu"] = new(
            "Új ügy kiosztva", "Ügyfél válasza", "Emlékeztető", "Veszélyben a határidő", "Lejárt határidő", "Nyitott ügyeid",
            "A(z) {0} ügyet Önhöz rendelték.",
            "Az ügyfél ismét írt a(z) {0} ügyben.",
            "Emlékeztető a(z) {0} ügyhöz:",
            "A(z) {0} ügy válaszadási határideje veszélyben van: {1} időpontban lejár. Az ügy prioritását megemeltük.",
            "A(z) {0} ügy válaszadási határideje lejárt: {1}.",
            "Nyitott ügyei sürgősség szerint ({1}):",
            "Nincs nyitott ügye.",
            "Ügy", "Tárgy", "Ügyfél", "Kategória", "Állapot", "Beérkezett", "Ügyintéző", "senki", "Határidő", "Megjegyzés",
            "lejárt határidő", "veszélyben a határidő", "határidő", "a határidő szünetel, az ügyfélre várunk", "vár óta",
            "Ezt az üzenetet a Capture automatikusan küldte."),
        ["en"] = new(
            "Case assigned to you", "Customer reply", "Reminder", "Deadline at risk", "Deadline missed", "Your open cases",
            "Case {0} has been assigned to you.",
            "The customer wrote again on case {0}.",
            "The reminder you set on case {0}:",
            "The response deadline of case {0} is at risk: it ends {1}. The case's priority has been raised.",
            "The response deadline of case {0} was missed: it ended {1}.",
            "Your open cases, most urgent first ({1}):",
            "You have no open cases.",
            "Case", "Subject", "Customer", "Category", "Status", "Received", "Handler", "nobody", "Deadline", "Note",
            "deadline missed", "deadline at risk", "due", "deadline paused, waiting for the customer", "waiting since",
            "This message was sent automatically by Capture."),
    };

    /// <summary>The texts of <paramref name="language"/>, or English for a language without texts.</summary>
    public static AlertTexts For(string? language) =>
        ByLanguage.TryGetValue(language?.Trim().ToLowerInvariant() ?? "", out var texts) ? texts : ByLanguage["en"];

    /// <summary>True for a language with texts.</summary>
    public static bool Has(string? language) => language is not null && ByLanguage.ContainsKey(language.Trim().ToLowerInvariant());

    /// <summary>The subject's word for an alert kind.</summary>
    public string Title(AlertKind kind) => kind switch
    {
        AlertKind.Assigned => Assigned,
        AlertKind.CustomerReply => CustomerReply,
        AlertKind.Reminder => Reminder,
        AlertKind.DeadlineAtRisk => DeadlineAtRisk,
        AlertKind.DeadlineMissed => DeadlineMissed,
        _ => Digest,
    };

    /// <summary>The body's opening sentence for an alert kind.</summary>
    public string Intro(AlertKind kind) => kind switch
    {
        AlertKind.Assigned => AssignedIntro,
        AlertKind.CustomerReply => CustomerReplyIntro,
        AlertKind.Reminder => ReminderIntro,
        AlertKind.DeadlineAtRisk => DeadlineAtRiskIntro,
        AlertKind.DeadlineMissed => DeadlineMissedIntro,
        _ => DigestIntro,
    };
}
