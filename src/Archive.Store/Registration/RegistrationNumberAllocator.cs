using Archive.Store.Storage;
using Microsoft.Extensions.Logging;

namespace Archive.Store.Registration;

/// <summary>
/// Hands out registration numbers. Must be called inside the LiteDB transaction that inserts the case:
/// the counter update and the case then commit or roll back together, so a crash can neither hand the
/// same number out twice nor lose one silently.
/// </summary>
internal sealed class RegistrationNumberAllocator
{
    private readonly ArchiveDatabase _database;
    private readonly RegistrationNumberFormat _format;
    private readonly ILogger _logger;

    public RegistrationNumberAllocator(ArchiveDatabase database, RegistrationNumberFormat format, ILogger logger)
    {
        _database = database;
        _format = format;
        _logger = logger;
    }

    /// <summary>A registration number allocated for a case.</summary>
    public readonly record struct Allocation(string Number, int Year, int Sequence);

    /// <summary>Takes the next number of <paramref name="year"/>'s sequence.</summary>
    public Allocation Allocate(int year)
    {
        var scope = _format.ScopeFor(year);
        var counter = _database.Counters.FindById(scope) ?? new RegistrationCounter { Id = scope };
        while (true)
        {
            counter.Last++;
            var number = _format.Format(year, counter.Last);

            // The counter can only be behind if someone edited the database or changed the format to one
            // that collides with older numbers; skip loudly rather than fail every capture from now on.
            if (_database.FindCaseByRegistrationNumber(number) is null)
            {
                _database.Counters.Upsert(counter);
                return new Allocation(number, year, counter.Last);
            }

            ArchiveStoreLog.RegistrationNumberTaken(_logger, number, scope);
        }
    }
}
