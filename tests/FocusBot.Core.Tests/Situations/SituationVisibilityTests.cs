using FocusBot.Core.Roster;
using FocusBot.Core.Situations;
using static FocusBot.Core.Tests.Situations.RexdaleTable;

namespace FocusBot.Core.Tests.Situations;

public class SituationVisibilityTests
{
    public static TheoryData<string, SituationAccess> Matrix => new()
    {
        { "lead rep", SituationAccess.Full },
        { "assisting rep", SituationAccess.Full },
        { "originating rep", SituationAccess.Full },
        { "uninvolved rep at the same table", SituationAccess.TableView },
        { "co-chair", SituationAccess.Full },
        { "admin of the table", SituationAccess.Full },
        { "co-chair of another table", SituationAccess.None },
        { "lead agency's rep at another table", SituationAccess.None },
        { "nobody", SituationAccess.None },
    };

    private static Member? Who(string who) => who switch
    {
        "lead rep" => LeadRep,
        "assisting rep" => AssistingRep,
        "originating rep" => OriginatingRep,
        "uninvolved rep at the same table" => UninvolvedRep,
        "co-chair" => CoChair,
        "admin of the table" => Admin,
        "co-chair of another table" => CoChairOfYork,
        "lead agency's rep at another table" => LeadAgencyRepAtYork,
        _ => null,
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public void Who_sees_what(string who, SituationAccess expected)
    {
        Assert.Equal(expected, SituationVisibility.For(Who(who), Recorded()));
    }

    [Fact]
    public void Agency_that_declined_sees_only_the_table_view()
    {
        var situation = Recorded();
        situation.Decline("housing", AssistingRep, "Outside our catchment", TuesdayMorning.AddHours(1));

        Assert.Equal(SituationAccess.TableView, SituationVisibility.For(AssistingRep, situation));
    }

    [Fact]
    public void Agency_asked_again_sees_everything_again()
    {
        var situation = Recorded();
        situation.Decline("housing", AssistingRep, "Outside our catchment", TuesdayMorning.AddHours(1));
        situation.AskAgain("housing", CoChair, TimeSpan.FromHours(48), TuesdayMorning.AddHours(2));

        Assert.Equal(SituationAccess.Full, SituationVisibility.For(AssistingRep, situation));
    }
}
