using FocusBot.Core.Situations;
using FocusBot.Teams.Cards;
using FocusBot.Teams.Cards.Situations;
using static FocusBot.Teams.Tests.Cards.DemoTable;

namespace FocusBot.Teams.Tests.Cards;

/// <summary>One instance of every card kind (and each situation card variant), by a file-friendly name.</summary>
internal static class CardSamples
{
    private static readonly DateTimeOffset Now = RecordedAt.AddDays(2);

    public static readonly IReadOnlyDictionary<string, Func<AdaptiveCard>> All = new Dictionary<string, Func<AdaptiveCard>>
    {
        ["situation-channel"] = () => SituationCard.Build(Recorded(), Demo, AgenciesById, Catalogue, SituationCardViewer.Channel, Now),
        ["situation-lead-rep-requested"] = () =>
        {
            var s = Recorded();
            return SituationCard.Build(s, Demo, AgenciesById, Catalogue, Personal(LeadRep, s), Now);
        },
        ["situation-assisting-rep-requested"] = () =>
        {
            var s = LeadAccepted();
            return SituationCard.Build(s, Demo, AgenciesById, Catalogue, Personal(AssistingRep, s), Now);
        },
        ["situation-lead-rep-accepted"] = () =>
        {
            var s = WithFortyEightHourUpdate();
            return SituationCard.Build(s, Demo, AgenciesById, Catalogue, Personal(LeadRep, s), Now);
        },
        ["situation-co-chair-concluded"] = () =>
        {
            var s = WithFortyEightHourUpdate();
            Succeeds(s.Conclude(CoChair, "risk-lowered-connected", Catalogue, Now));
            return SituationCard.Build(s, Demo, AgenciesById, Catalogue, Personal(CoChair, s), Now);
        },
        ["situation-uninvolved-rep"] = () =>
        {
            var s = Recorded();
            return SituationCard.Build(s, Demo, AgenciesById, Catalogue, Personal(UninvolvedRep, s), Now);
        },
        ["new-situation-form"] = () => NewSituationForm.Build([Demo], Agencies, Catalogue),
        ["new-situation-form-with-problems"] = () => NewSituationForm.Build([Demo, Lakeside], Agencies, Catalogue,
            Request() with { AgeGroup = null }, new Dictionary<string, string[]> { ["ageGroup"] = ["Choose the age group."] }),
        ["assignment-confirmation-lead"] = () =>
        {
            var s = LeadAccepted();
            return AssignmentConfirmationCard.Build(s, Demo, AgenciesById, Catalogue, Personal(LeadRep, s), Agency("northside-mh"), asLead: true, Now);
        },
        ["assignment-confirmation-assisting"] = () =>
        {
            var s = LeadAccepted();
            Succeeds(s.Accept("harbour-housing", AssistingRep, RecordedAt.AddHours(2)));
            return AssignmentConfirmationCard.Build(s, Demo, AgenciesById, Catalogue, Personal(AssistingRep, s), Agency("harbour-housing"), asLead: false, Now);
        },
        ["notice-error"] = NoticeCard.SituationNotFound,
        ["notice-info"] = () => NoticeCard.Build("Already accepted", "Northside Mental Health has already accepted as lead.", isError: false),
        ["update-form-48-hour"] = () => UpdateForm.Build(LeadAccepted(), Demo, Catalogue, isFortyEightHourUpdate: true),
        ["update-form-with-problem"] = () => UpdateForm.Build(LeadAccepted(), Demo, Catalogue, isFortyEightHourUpdate: false,
            new UpdateFormValues("contacted", "Call 416-555-0199", null, ["no-shelter-bed"]), "Please remove the phone number."),
        ["update-posted"] = () =>
        {
            var s = WithFortyEightHourUpdate();
            return UpdatePostedCard.Build(s, Demo, AgenciesById, Catalogue, s.Updates[0]);
        },
        ["situation-history"] = () =>
        {
            var s = WithFortyEightHourUpdate();
            var card = SituationCard.Build(s, Demo, AgenciesById, Catalogue, Personal(LeadRep, s), Now);
            return SituationHistory.AddTo(card, s, Demo, AgenciesById, Catalogue);
        },
        ["situation-list"] = () => SituationListCard.Build(SituationListScope.Open,
            [new SituationListRow(LeadAccepted(), Demo, MayPostUpdate: true), new SituationListRow(Recorded(), Demo, MayPostUpdate: false)],
            page: 1, total: 12, AgenciesById, Catalogue, Now, inChannel: false),
        ["recorded"] = () => RecordedCard.Build(Recorded(), Demo, AgenciesById, new Core.Deliveries.RecordingReport(
            new(Core.Deliveries.Delivery.TableChannel, Core.Deliveries.DeliveryState.Sent, null),
            [new("rep.demo@northside-mh.example", Core.Deliveries.DeliveryState.Sent, null), new("rep.demo@harbour-housing.example", Core.Deliveries.DeliveryState.Sent, null),
             new("rep2.demo@northside-mh.example", Core.Deliveries.DeliveryState.Failed, "no chat with FocusBot yet")])),
    };

    public static TheoryData<string> Names => [.. All.Keys];

    /// <summary>Accepted by both agencies; the lead's 48-hour update posted a day later, with a note.</summary>
    public static Situation WithFortyEightHourUpdate()
    {
        var s = LeadAccepted();
        Succeeds(s.Accept("harbour-housing", AssistingRep, RecordedAt.AddHours(2)));
        Succeeds(s.PostUpdate(LeadRep, "contacted", "Door knock done with outreach; he agreed to see the team.",
            "Intake appointment this week", [], Catalogue, RecordedAt.AddDays(1)));
        return s;
    }
}
