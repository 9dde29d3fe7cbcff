namespace Archive.Store.Deadlines;

/// <summary>How a deadline counts its days.</summary>
public enum DeadlineCounting
{
    /// <summary>Only business days count (the working days of the week that are not holidays).</summary>
    BusinessDays,

    /// <summary>Every day counts, as some laws require.</summary>
    CalendarDays,
}
