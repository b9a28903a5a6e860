using System.Data.Common;
using Microsoft.Extensions.Options;

namespace FocusBot.Hosting;

/// <summary>
/// The host will not start or a command will not run, for a reason the person at the keyboard can fix (a setting, a
/// missing file, an address). Its message is printed as one line, without a stack trace, and the exit code is 1.
/// </summary>
public sealed class HostRefusalException(string message) : Exception(message);

/// <summary>Turns the failures a person can fix into one line for the console; everything else stays an error.</summary>
public static class HostRefusal
{
    /// <summary>Exit code of a refusal.</summary>
    public const int ExitCode = 1;

    /// <summary>
    /// One line for a failure the person can fix (a <see cref="HostRefusalException"/>, an invalid setting, a
    /// database that cannot be opened, an address in use), or null for anything else (a bug keeps its stack trace).
    /// </summary>
    public static string? Describe(Exception exception) => exception switch
    {
        HostRefusalException refusal => refusal.Message,
        OptionsValidationException invalid => $"Invalid settings: {invalid.Message}",
        // Settings are read when the first service that needs them is made; their refusals are InvalidOperationExceptions.
        InvalidOperationException { InnerException: null } invalid => invalid.Message,
        // A value the configuration binder cannot convert ("abc" for a number or a time span) names the setting itself.
        InvalidOperationException invalid when invalid.TargetSite?.DeclaringType == typeof(ConfigurationBinder) => $"Invalid settings: {invalid.Message}",
        DbException database => $"The database could not be used: {database.Message}",
        IOException { InnerException: Microsoft.AspNetCore.Connections.AddressInUseException } inUse => inUse.Message,
        _ => exception.InnerException is { } inner && exception is AggregateException or System.Reflection.TargetInvocationException
            ? Describe(inner)
            : null,
    };
}
