using System.Globalization;
using Archive.Search;

namespace Capture.Benchmarks.Search;

/// <summary>
/// A made-up archive of customer correspondence, the same for the same seed and count: Polish, Hungarian and English
/// complaints, suggestions and thank-you letters received between 1 January 2024 and 30 November 2026, in the order
/// they arrived, follow-ups sharing their case. Documents are written one at a time as they are read, so the archive is
/// never held in memory; a letter costs a few microseconds.
/// </summary>
internal sealed class ArchiveGenerator(int seed = ArchiveGenerator.DefaultSeed)
{
    public const int DefaultSeed = 20_261_130;

    /// <summary>When the first letter may arrive.</summary>
    public static readonly DateTimeOffset FirstArrival = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>When the archive ends: no letter arrives later.</summary>
    public static readonly DateTimeOffset LastArrival = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The moment the archive describes: case states, waiting clocks and alerts are as they stand then.</summary>
    public static readonly DateTimeOffset Now = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

    /// <summary>The languages, in the order the planner draws them (40 % pl, 30 % hu, 30 % en).</summary>
    public static readonly IReadOnlyList<LetterLanguage> Languages = [PolishLetters.Create(), HungarianLetters.Create(), EnglishLetters.Create()];

    /// <summary>The people who handle cases: seven in the Polish team, seven in the Hungarian, six in the English.</summary>
    public static readonly IReadOnlyList<string> Handlers =
    [
        "anna.nowak", "piotr.kaczmarek", "katarzyna.zielinska", "tomasz.lis", "magdalena.wrobel", "michal.pawlak", "joanna.krol",
        "peter.toth", "eszter.nagy", "gabor.kiss", "judit.varga", "zsolt.farkas", "reka.molnar", "balazs.szabo",
        "james.wilson", "sarah.jones", "david.hughes", "emma.clarke", "oliver.bennett", "lucy.turner",
    ];

    /// <summary>The archive as an asynchronous stream, as <see cref="ArchiveIndex.RebuildAsync"/> reads it.</summary>
    public IAsyncEnumerable<IndexedDocument> DocumentsAsync(int count, ArchiveSample? sample) => Generate(count, sample).ToAsyncEnumerable();

    /// <summary>The first <paramref name="count"/> documents; <paramref name="sample"/>, when given, sees each of them.</summary>
    public IEnumerable<IndexedDocument> Generate(int count, ArchiveSample? sample = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var writer = new ArchiveWriter(new Random(seed), count, sample);
        for (var i = 0; i < count; i++)
        {
            yield return writer.Next(i);
        }
    }

    /// <summary>The state of one pass over the archive.</summary>
    private sealed class ArchiveWriter(Random random, int count, ArchiveSample? sample)
    {
        private static readonly string[] NoReferences = [];

        private readonly CasePlanner planner = new(random);
        private readonly LetterComposer composer = new(random, sample);
        private readonly PriorityQueue<(CaseFacts Facts, DateTimeOffset At, int Channel), long> followUps = new();
        private readonly double ticksPerDocument = (LastArrival - FirstArrival).Ticks / (double)count;
        private int idCounter;

        public IndexedDocument Next(int index)
        {
            var slot = FirstArrival.AddTicks((long)(index * ticksPerDocument));
            if (followUps.TryPeek(out var due, out var dueTicks) && dueTicks <= slot.UtcTicks)
            {
                followUps.Dequeue();
                return Write(due.Facts, due.At, due.Channel, followUp: true);
            }

            // Letters arrive in office hours mostly; the day follows the archive's steady flow.
            var hour = random.NextDouble() < 0.85 ? 7 + (random.NextDouble() * 11) : random.NextDouble() * 24;
            var receivedAt = new DateTimeOffset(slot.UtcDateTime.Date, TimeSpan.Zero).AddHours(hour);
            var planned = planner.Plan(receivedAt, NewId(receivedAt));
            foreach (var at in planned.FollowUps)
            {
                followUps.Enqueue((planned.Facts, at, planned.Channel), at.UtcTicks);
            }

            return Write(planned.Facts, receivedAt, planned.Channel, followUp: false);
        }

        private IndexedDocument Write(CaseFacts facts, DateTimeOffset receivedAt, int channel, bool followUp)
        {
            var letter = composer.Write(facts, followUp, LetterLength(followUp));
            if (!followUp)
            {
                facts.FirstSubject = letter.Subject;
            }

            var document = new IndexedDocument(
                NewId(receivedAt),
                facts.Case,
                facts.Language.Code,
                letter.Subject,
                FileName(facts.Language, channel, receivedAt),
                letter.Text,
                receivedAt,
                letter.Mentions.HasFlag(Mentions.Order) ? [facts.Order] : NoReferences,
                letter.Mentions.HasFlag(Mentions.Invoice) ? [facts.Invoice] : NoReferences,
                letter.Mentions.HasFlag(Mentions.Serial) ? [facts.Serial] : NoReferences,
                letter.Mentions.HasFlag(Mentions.Policy) ? [facts.Policy] : NoReferences);
            sample?.Observe(document, facts, letter, followUp);
            return document;
        }

        /// <summary>
        /// Log-normal word counts: most letters 100–300 words (median 190), a tail to 800; follow-ups are shorter.
        /// The letter ends after the sentence that reaches the target, so targets stop short of 800.
        /// </summary>
        private int LetterLength(bool followUp)
        {
            var gaussian = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            var median = followUp ? 120 : 190;
            return (int)Math.Clamp(Math.Exp(Math.Log(median) + (0.55 * gaussian)), 60, 775);
        }

        private string FileName(LetterLanguage language, int channel, DateTimeOffset receivedAt) => channel switch
        {
            0 => string.Create(CultureInfo.InvariantCulture, $"INBOX-{idCounter}.eml"),
            1 => string.Create(CultureInfo.InvariantCulture, $"scan_{receivedAt:yyyyMMdd}_{idCounter % 10_000:D4}.pdf"),
            _ => language.AttachmentNames[random.Next(language.AttachmentNames.Length)],
        };

        /// <summary>An id shaped like the store's LiteDB ObjectIds: the time in seconds, a fixed machine part, a counter.</summary>
        private string NewId(DateTimeOffset at) =>
            string.Create(CultureInfo.InvariantCulture, $"{(uint)at.ToUnixTimeSeconds():x8}5f3a9c21b7{++idCounter & 0xFFFFFF:x6}");
    }
}
