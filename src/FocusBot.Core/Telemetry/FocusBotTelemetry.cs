using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace FocusBot.Core.Telemetry;

/// <summary>
/// FocusBot's own traces and metrics (OpenTelemetry-compatible: <see cref="ActivitySource"/> and <see cref="Meter"/>
/// named <see cref="Name"/>). Tags carry kinds, verbs, statuses and counts only: never what a person typed (notes,
/// summaries, reasons), never a name or e-mail address.
/// </summary>
public static class FocusBotTelemetry
{
    /// <summary>The name of the activity source and the meter.</summary>
    public const string Name = "FocusBot";

    public static readonly ActivitySource Source = new(Name);
    public static readonly Meter Meter = new(Name);

    /// <summary>Turns handled; tags <c>activity.type</c>, <c>focusbot.command</c>, <c>focusbot.outcome</c> (ok | error).</summary>
    public static readonly Counter<long> Turns = Meter.CreateCounter<long>("focusbot.turns", "{turn}", "Bot Framework turns handled");

    /// <summary>Proactive sends and card updates; tags <c>focusbot.operation</c> (send | update), <c>focusbot.delivery</c> (a DeliveryStatus).</summary>
    public static readonly Counter<long> Deliveries = Meter.CreateCounter<long>("focusbot.deliveries", "{message}", "Messages sent or updated through Teams");

    /// <summary>How late a reminder went out after its due time, in seconds; tag <c>focusbot.reminder.kind</c>.</summary>
    public static readonly Histogram<double> ReminderLag = Meter.CreateHistogram<double>("focusbot.reminder.lag", "s", "Delay between a reminder's due time and its delivery");

    /// <summary>429 (Too Many Requests) answers from the Bot Connector, each retried after the wait it names.</summary>
    public static readonly Counter<long> Throttled = Meter.CreateCounter<long>("focusbot.connector.throttled", "{response}", "429 answers from Teams");
}
