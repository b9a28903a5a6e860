namespace FocusBot.Core.Privacy;

/// <summary>
/// What the guard knows about where a text is written: the day it is written (Toronto date; a full date more than
/// <see cref="DateOfBirthDetector.FarPastYears"/> years before it is taken for a date of birth) and the names of the
/// roster's agencies, which are never taken for a person's name ("Jean Tweed Centre", "Fred Victor").
/// </summary>
public sealed record IdentifierContext(DateOnly WrittenOn, IReadOnlyCollection<string> AgencyNames)
{
    /// <summary>A context with no agency names.</summary>
    public IdentifierContext(DateOnly writtenOn) : this(writtenOn, []) { }

    /// <summary>A context for a text written at <paramref name="now"/> (read as a Toronto date) with these agencies.</summary>
    public static IdentifierContext At(DateTimeOffset now, IEnumerable<string>? agencyNames = null) =>
        new(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, Toronto).DateTime), agencyNames?.ToArray() ?? []);

    private static readonly TimeZoneInfo Toronto = TimeZoneInfo.FindSystemTimeZoneById("America/Toronto");
}
