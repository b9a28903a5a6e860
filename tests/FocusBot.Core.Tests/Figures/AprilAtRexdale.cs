using FocusBot.Core.Figures;
using FocusBot.Core.Situations;
using FocusBot.Core.Tests.Situations;

namespace FocusBot.Core.Tests.Figures;

/// <summary>
/// Rexdale's April 2026 (Toronto is on EDT, UTC-4), worked out by hand:
/// <code>
/// id    recorded (local)  lead accepts  48-hour update        barriers (update date)          concluded
/// 0101  10 Mar            +3h           +20h on time (11 Mar) transportation (11 Mar)         2 Apr still-aer-refused
/// 0102  31 Mar 22:00      -             -                     -                               -   (1 Apr in UTC: not April here)
/// 0103  7 Apr 10:00       +2h           +30h on time          no-shelter-bed, mh-wait-list    21 Apr risk-lowered-connected
/// 0104  14 Apr 10:00      +6h           +50h late             no-shelter-bed; 5 May: no-family-doctor
/// 0105  21 Apr 10:00      +1h           none: missing         -
/// 0106  28 Apr 10:00      -             -                     -
/// 0107  30 Apr 23:30      -             -                     -                               (1 May in UTC: still April here)
/// YK    15 Apr at York: another table, never counted
/// </code>
/// Recorded in April: 0103-0107 = 5 (5 people). Risk factors: housing 3 (0103, 0104, 0106), mental-health 2 (0103, 0105),
/// alcohol, drugs, suicide 1 each. Concluded in April: 0101 and 0103. Hours to acceptance 2, 6, 1: median 2. Hours from
/// acceptance to the 48-hour update 30, 50: median 40. 48-hour updates: 1 on time, 1 late, 1 missing: rate 1/3.
/// Barriers in April: no-shelter-bed 2, mental-health-wait-list 1.
/// </summary>
internal static class AprilAtRexdale
{
    public static readonly TimeSpan Edt = TimeSpan.FromHours(-4);
    public static readonly FiguresPeriod April = new(new DateOnly(2026, 4, 1), new DateOnly(2026, 5, 1));
    public static readonly DateTimeOffset AsOf = new(2026, 5, 6, 9, 0, 0, Edt);

    public const string Summary = "Young man sleeping rough after eviction, escalating crisis calls.";
    public const string Note = "Met him at the drop-in; agreed to see a worker";
    public const string DeclineReason = "Caseload full this month";

    public static IReadOnlyList<Situation> Seed()
    {
        var marchConcludedInApril = Record(101, Local(3, 10, 10), ["mental-health"]);
        Accept(marchConcludedInApril, 3);
        Update(marchConcludedInApril, 23, "transportation");
        marchConcludedInApril.Decline("housing", RexdaleTable.AssistingRep, DeclineReason, Local(3, 11, 9));
        Conclude(marchConcludedInApril, Local(4, 2, 15), "still-aer-refused");

        var lastEveningOfMarch = Record(102, Local(3, 31, 22), ["gangs"]);

        var connected = Record(103, Local(4, 7, 10), ["mental-health", "housing"]);
        Accept(connected, 2);
        Update(connected, 32, "no-shelter-bed", "mental-health-wait-list");
        connected.Accept("housing", RexdaleTable.AssistingRep, Local(4, 7, 15));
        Conclude(connected, Local(4, 21, 11), "risk-lowered-connected");

        var late = Record(104, Local(4, 14, 10), ["housing", "drugs"]);
        Accept(late, 6);
        Update(late, 56, "no-shelter-bed");
        late.PostUpdate(RexdaleTable.LeadRep, "contacted", Note, null, ["no-family-doctor"], RexdaleTable.Choices, Local(5, 5, 10));

        var missing = Record(105, Local(4, 21, 10), ["mental-health", "suicide"]);
        Accept(missing, 1);

        var unaccepted = Record(106, Local(4, 28, 10), ["housing"]);
        var lastEveningOfApril = Record(107, Local(4, 30, 23, 30), ["alcohol"]);

        var york = Situation.Record(SituationId.Create("YK", 2026, 1),
            new NewSituationValidator(RexdaleTable.Choices).Validate(RexdaleTable.Request() with { Table = "york", RiskFactors = ["housing"] },
                RexdaleTable.Admin, RexdaleTable.Tables, RexdaleTable.Agencies).NewSituation!, Local(4, 15, 10));

        return [marchConcludedInApril, lastEveningOfMarch, connected, late, missing, unaccepted, lastEveningOfApril, york];
    }

    public static DateTimeOffset Local(int month, int day, int hour, int minute = 0) =>
        new(2026, month, day, hour, minute, 0, month < 3 || (month == 3 && day < 8) ? TimeSpan.FromHours(-5) : Edt);

    public static Situation Record(int number, DateTimeOffset at, string[] riskFactors) =>
        Situation.Record(SituationId.Create("RX", 2026, number), RexdaleTable.Valid(RexdaleTable.Request() with { RiskFactors = riskFactors }), at);

    private static void Accept(Situation situation, double hoursAfterRecording) =>
        Succeeds(situation.Accept("cmha", RexdaleTable.LeadRep, situation.CreatedAt.AddHours(hoursAfterRecording)));

    private static void Update(Situation situation, double hoursAfterRecording, params string[] barriers) =>
        Succeeds(situation.PostUpdate(RexdaleTable.LeadRep, "contacted", Note, "See the worker on Friday", barriers, RexdaleTable.Choices,
            situation.CreatedAt.AddHours(hoursAfterRecording)));

    private static void Conclude(Situation situation, DateTimeOffset at, string outcome) =>
        Succeeds(situation.Conclude(RexdaleTable.CoChair, outcome, RexdaleTable.Choices, at));

    private static void Succeeds(SituationResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(result.Message);
    }
}
