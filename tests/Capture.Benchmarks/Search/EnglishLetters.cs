namespace Capture.Benchmarks.Search;

/// <summary>English (British) customer letters; <c>{p.a}</c> is the product with its article (a kettle, an iron).</summary>
internal sealed class EnglishLetters : LetterLanguage
{
    private static readonly TemplateGrammar Grammar = new(["the", "a"], ["nom"]);

    private static readonly string[] Months =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    public override string Code => "en";

    public override string PhoneLabel => "Tel: ";

    public static EnglishLetters Create() => new()
    {
        Products =
        [
            P("kettle"), P("washing machine"), P("fridge freezer"), P("vacuum cleaner"), P("coffee machine"), P("television"), P("laptop"),
            P("mobile phone"), P("toaster"), P("microwave"), P("dishwasher"), P("hair dryer"), P("food processor"), P("tumble dryer"),
            P("air conditioner"), P("iron"), P("electric scooter"), P("office chair"), P("printer"), P("oven"),
        ],
        Cities =
        [
            C("London"), C("Manchester"), C("Birmingham"), C("Leeds"), C("Glasgow"), C("Edinburgh"), C("Bristol"), C("Liverpool"),
            C("Cardiff"), C("Belfast"), C("Sheffield"), C("Nottingham"), C("Leicester"), C("Brighton"), C("Oxford"), C("Cambridge"),
            C("York"), C("Newcastle"), C("Southampton"), C("Norwich"),
        ],
        Items =
        [
            "user manual", "power cable", "remote control", "charger", "lid", "filter", "seal", "jug", "brush", "hose", "dust bag", "base",
            "battery", "water tank", "grill rack", "baking tray", "whisk", "attachment", "power adapter", "carry case", "wall bracket",
            "extension lead", "valve", "thermostat", "heating element", "fan", "hob", "filter cartridge", "descaler", "steam wand",
            "grinder", "drum", "dispenser", "roller", "wheel", "latch", "hinge", "fixing screw", "non-slip mat", "guarantee card",
            "energy label", "milk frother", "drip tray", "crevice tool", "spring clip", "rubber foot",
        ],
        Streets =
        [
            "Station Road", "High Street", "Church Lane", "Victoria Road", "Green Lane", "Manor Road", "Park Avenue", "Kings Road",
            "Queen Street", "Mill Lane", "Elm Grove", "Springfield Road", "Chestnut Close", "Orchard Way", "Windsor Terrace",
        ],
        Greetings = ["Dear Sir or Madam,", "Hello,", "Dear Customer Service Team,", "Hi there,", "Good morning,"],
        SignOffs = ["Yours faithfully,", "Kind regards,", "Best regards,", "Yours sincerely,", "Many thanks,"],
        Complaint = new(
            T(
                "I am writing to complain about {p.a} I bought from your {c} store on {date}.",
                "I would like to make a complaint about order {order}.",
                "I wish to complain about the {p} I received on {date}, which stopped working after a few days.",
                "I am very unhappy with the {p} I purchased from you (invoice {invoice}).",
                "Please treat this email as a formal complaint about order {order}.",
                "I ordered {p.a} with serial number {serial} and I am sorry to say it has been nothing but trouble."),
            T(
                "After {days} days of use the {p} no longer switches on.",
                "The parcel arrived damaged and the box had clearly been crushed.",
                "I reported the fault by phone, but nobody has contacted me since.",
                "I paid {amount} and I expect the product to work as described.",
                "Invoice {invoice} shows a different amount from the one I paid on delivery.",
                "I attach photos of the damage and a copy of the receipt.",
                "Please replace the {p} with a new one or refund my money.",
                "Under the Consumer Rights Act I am entitled to a repair or a replacement.",
                "The courier left the parcel outside my door although I had asked for it to be handed to me in person.",
                "The service centre in {c} returned the {p} unrepaired, saying the fault was my own.",
                "This is the second complaint I have made about the same product within {days} days.",
                "The following part was missing from order {order}: {item}.",
                "According to the manual the {model} should be almost silent, but it is very noisy every time I use it.",
                "I have been waiting {days} days for my refund of {amount}.",
                "The serial number of the unit is {serial} and the order number is {order}.",
                "My insurance (policy {policy}) should cover this kind of damage, but the claim was rejected.",
                "My previous complaints were never answered.",
                "I complained twice on the phone and was promised a call back that never came.",
                "The delivery was also {days} days late.",
                "Please also send me a corrected invoice for {invoice}."),
            T(
                "Please deal with my complaint urgently and let me know what happens next.",
                "I expect a reply within 14 days.",
                "If I do not hear from you, I will take the matter to the ombudsman.",
                "Please call me on {phone}."),
            T("Complaint – order {order}", "Faulty {p}", "Complaint about my order", "Damaged item", "Invoice {invoice} – complaint")),
        Suggestion = new(
            T(
                "I am a regular customer and would like to suggest a few improvements.",
                "I have a suggestion about your {c} store.",
                "I would like to share some ideas about ordering from your website.",
                "While placing order {order} I noticed a few things that could be improved."),
            T(
                "It would be great if orders could be collected from parcel lockers.",
                "Real-time tracking of deliveries would be very helpful.",
                "The manual for the {p} could also be available online.",
                "I suggest keeping the {c} store open later on Saturdays.",
                "A loyalty scheme for regular customers would be a good idea.",
                "The complaint form on the website is too long and asks for the same details several times.",
                "I suggest that order confirmations include the invoice number.",
                "You could offer payment in instalments for purchases over {amount}.",
                "The packaging could be smaller and more environmentally friendly.",
                "I would like to see more accessories in your range, for example: {item}.",
                "The helpline could stay open after 6 pm.",
                "The product page for the {model} does not say how much energy it uses."),
            T("I hope you find my suggestions useful.", "I am happy to answer any further questions.", "Thank you for taking the time to read my suggestions."),
            T("Suggestion", "A few ideas for your website", "Feedback on your {c} store")),
        Thanks = new(
            T(
                "I would like to thank you for dealing with my complaint so quickly.",
                "Thank you for the excellent service at your {c} store.",
                "I am writing to thank you for your help with order {order}.",
                "Many thanks for replacing my {p} so promptly."),
            T(
                "{staff.f} from customer service was extremely patient and kind.",
                "The replacement works perfectly.",
                "The refund of {amount} reached my account after only {days} days.",
                "The courier was punctual and very polite.",
                "I will certainly recommend your shop to my family and friends.",
                "I have not come across such good service for a long time.",
                "I appreciate that you called me to let me know the status of my order.",
                "{staff.m} at the {c} store helped me choose the right {p} and it was exactly what I needed."),
            T("Thank you once again and have a lovely day.", "I will be happy to shop with you again.", "Thanks again and best wishes to the whole team."),
            T("Thank you", "Thanks for your help", "Great service at your {c} store")),
        FollowUpOpeners = T(
            "Further to my letter of {firstdate} (reference {reg}), I am writing to remind you of my case.",
            "I am writing again about {reg}, as I still have not received a reply.",
            "Following my letter of {firstdate}, I am sending more information about case {reg}.",
            "It has been {days} days since I reported {reg}, and the matter has still not been resolved."),
        FollowUpSubjects = T("Reminder – {reg}", "Further information for {reg}", "Case {reg}"),
        Fillers = T(
            "I placed the order on {date}.",
            "I collected the item in person from your pick-up point in {c}.",
            "I have used your services many times and have always been satisfied.",
            "The item was a present for my mother.",
            "I live in {c}, and your nearest shop is a few miles from my home.",
            "I paid by bank transfer on the day I placed the order.",
            "The parcel arrived after {days} working days.",
            "!I rang your helpline several times, but the waiting time was over half an hour.",
            "!The adviser asked me to send photos, which I did straight away.",
            "I bought {p.a} from you before and had no problems with it.",
            "!The manual does not say what to do in this situation.",
            "My postal address is {street}, {c}.",
            "!I should add that the appliance was used in accordance with the instructions.",
            "I do not want to make a fuss, but I feel I should let you know.",
            "I have been shopping with you for several years.",
            "We have two small children, so reliable appliances are very important to us.",
            "I work from home and need equipment I can rely on.",
            "My neighbour recommended your shop because of its good reviews.",
            "!I would like this sorted out quickly, as I am going away soon.",
            "My phone number is {phone}.",
            "The reviews of the {model} online are very good.",
            "The price on your website was {amount}.",
            "The parcel was insured under policy {policy}.",
            "The order also included: {item}.",
            "I have kept the receipt and the guarantee card.",
            "!This whole situation has already taken up a lot of my time.",
            "Please confirm that you have received this message.",
            "If you need any further documents, I will gladly send them.",
            "!We have a family celebration next week, so I am hoping for a quick answer.",
            "I am an older person and rarely use the internet, which is why I am writing this letter.",
            "The staff at the {c} store were very friendly.",
            "!The day after delivery I noticed a scratch on the casing.",
            "!I connected the appliance as described in the manual, yet it still does not work properly.",
            "!My brother-in-law tried to fix it, but without success.",
            "!I still have not received a corrected invoice.",
            "!In my customer account the order is still shown as “processing”.",
            "!I spoke to an adviser who promised to call me back within {days} days.",
            "!The delivery was due on {date}, but the courier never came.",
            "I would like to keep a good relationship with your company.",
            "It has been {days} days since the purchase.",
            "The product comes with a 24-month guarantee.",
            "!I have already emailed your complaints department but did not receive a reply.",
            "!The discount code from my previous order did not work.",
            "I bought the product with the coming holidays in mind.",
            "The parcel contained: {item} and {item}.",
            "!The cardboard box was soaked, as if the parcel had been left in the rain.",
            "I am planning to place another order with you next month.",
            "!The engineer who came on {date} did not bring the parts he needed."),
        Names = new NameBook(
            ["James", "Oliver", "Thomas", "William", "Harry", "George", "Jack", "Daniel", "Matthew", "Andrew", "David", "Michael",
             "Christopher", "Richard", "Joseph", "Samuel", "Benjamin", "Edward", "Robert", "Paul", "Liam", "Noah", "Ethan", "Callum", "Rhys"],
            ["Emily", "Olivia", "Sophie", "Charlotte", "Amelia", "Jessica", "Hannah", "Lucy", "Grace", "Chloe", "Sarah", "Rebecca", "Laura",
             "Rachel", "Helen", "Claire", "Emma", "Katherine", "Victoria", "Megan", "Siobhan", "Niamh", "Aisha", "Priya", "Zoë"],
            ["Smith", "Jones", "Williams", "Taylor", "Brown", "Davies", "Evans", "Wilson", "Thomas", "Johnson", "Roberts", "Robinson",
             "Thompson", "Wright", "Walker", "White", "Edwards", "Hughes", "Green", "Hall", "Lewis", "Harris", "Clarke", "Patel", "Jackson",
             "Wood", "Turner", "Martin", "Cooper", "Hill", "Ward", "Morris", "Moore", "Clark", "Lee", "King", "Baker", "Harrison", "Morgan",
             "Allen", "James", "Scott", "Phillips", "Watson", "Davis", "Parker", "Price", "Bennett", "Young", "Griffiths", "Mitchell",
             "Kelly", "Cook", "Carter", "Richardson", "Bailey", "Collins", "Bell", "Shaw", "Murphy", "O'Brien", "McDonald", "Khan"],
            familyNameFirst: false),
        EmailDomains = ["example.co.uk", "example.com", "mail.example.org", "example.net"],
        AttachmentNames = ["complaint.pdf", "letter.pdf", "scanned_invoice.pdf", "feedback.docx", "claim.pdf"],
    };

    public override string FormatDate(DateTime date, int style) => (style % 3) switch
    {
        0 => $"{Number(date.Day, "D")} {Months[date.Month - 1]} {Number(date.Year, "D")}",
        1 => $"{Number(date.Day, "D2")}/{Number(date.Month, "D2")}/{Number(date.Year, "D")}",
        _ => $"{Months[date.Month - 1]} {Number(date.Day, "D")}, {Number(date.Year, "D")}",
    };

    public override string FormatAmount(int whole, int cents, int style) => (style % 2) switch
    {
        0 => $"£{Grouped(whole)}.{Number(cents, "D2")}",
        _ => $"{Grouped(whole)} GBP",
    };

    // 07700 900000–900999 is the range Ofcom keeps for drama: no real subscriber has these numbers.
    public override string FormatPhone(Random random) =>
        random.Next(2) == 0 ? $"07700 900{Number(random.Next(1000), "D3")}" : $"+44 7700 900{Number(random.Next(1000), "D3")}";

    public override string FormatOrder(int year, int sequence) => $"ORD-{Number(year, "D")}-{Number(sequence, "D5")}";

    public override string FormatInvoice(int year, int month, int sequence) =>
        $"INV-{Number(year, "D")}-{Number(month, "D2")}-{Number(sequence, "D4")}";

    public override string FormatStreet(string street, int number) => $"{Number(number, "D")} {street}";

    private static string Grouped(int value) => value < 1000 ? Number(value, "D") : $"{Number(value / 1000, "D")},{Number(value % 1000, "D3")}";

    private static SentenceTemplate[] T(params string[] patterns) => [.. patterns.Select(pattern => new SentenceTemplate(pattern, Grammar))];

    private static InflectedWord P(string noun) => new([noun, ("aeiou".Contains(noun[0], StringComparison.Ordinal) ? "an " : "a ") + noun]);

    private static InflectedWord C(string name) => new([name]);
}
