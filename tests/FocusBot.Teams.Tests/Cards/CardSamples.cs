using FocusBot.Core.Agenda;
using FocusBot.Core.Figures;
using FocusBot.Core.Meetings;
using FocusBot.Core.Situations;
using FocusBot.Teams.Bot;
using FocusBot.Teams.Cards;
using FocusBot.Teams.Cards.Situations;
using FocusBot.Teams.Figures;
using FocusBot.Teams.Reminders;
using static FocusBot.Teams.Tests.Cards.DemoTable;

namespace FocusBot.Teams.Tests.Cards;

/// <summary>
/// One instance of every card kind (and each situation card variant), by a file-friendly name. Each is built when
/// called, so it is drawn in the current language: the dump, the language and the accessibility tests call them
/// under en-CA, fr-CA and the pseudo-language.
/// </summary>
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
        ["situation-co-chair-open"] = () =>
        {
            var s = WithFortyEightHourUpdate();
            return SituationCard.Build(s, Demo, AgenciesById, Catalogue, Personal(CoChair, s), Now);
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
            Request() with { AgeGroup = null }, NewSituationForm.InReadersLanguage(new Dictionary<string, string[]> { ["ageGroup"] = ["Choose the age group."] },
                null, Core.Privacy.IdentifierContext.At(Now, []))),
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
        ["notice-info"] = () => NoticeCard.Of("Declined", isError: false, "DM-2026-0001"),
        ["update-form-48-hour"] = () => UpdateForm.Build(LeadAccepted(), Demo, Catalogue, isFortyEightHourUpdate: true),
        ["update-form-with-problem"] = () => UpdateForm.Build(LeadAccepted(), Demo, Catalogue, isFortyEightHourUpdate: false,
            new UpdateFormValues("contacted", "Call 416-555-0199", null, ["no-shelter-bed"]),
            RefusalText.Of(LeadAccepted().PostUpdate(LeadRep, "contacted", "Call 416-555-0199", null, ["no-shelter-bed"], Catalogue, Now), AgenciesById)),
        ["update-posted"] = () =>
        {
            var s = WithFortyEightHourUpdate();
            return UpdatePostedCard.Build(s, Demo, AgenciesById, Catalogue, s.Updates[0]);
        },
        ["situation-history"] = () =>
        {
            var s = WithFortyEightHourUpdate();
            var card = SituationCard.Build(s, Demo, AgenciesById, Catalogue, Personal(LeadRep, s) with { HistoryFollows = true }, Now);
            return SituationHistory.AddTo(card, s, Demo, AgenciesById, Catalogue);
        },
        ["situation-list"] = () => SituationListCard.Build(SituationListScope.Open,
            [new SituationListRow(LeadAccepted(), Demo, MayPostUpdate: true), new SituationListRow(Recorded(), Demo, MayPostUpdate: false)],
            page: 1, total: 12, AgenciesById, Catalogue, Now, inChannel: false),
        ["situation-list-rep-to-accept"] = () =>
        {
            var s = Recorded();
            return SituationListCard.Build(SituationListScope.Mine, [new SituationListRow(s, Demo, MayPostUpdate: false, s.AssignmentToAnswer(LeadRep))],
                page: 1, total: 1, AgenciesById, Catalogue, Now, inChannel: false);
        },
        ["situation-list-empty"] = () => SituationListCard.Build(SituationListScope.Mine, [], 1, 0, AgenciesById, Catalogue, Now, inChannel: false),
        ["recorded-not-aer"] = () => RecordedCard.NotAer(Recorded(), Demo),
        ["welcome-rep"] = () => WelcomeCard.Build("Priya Raman", new TurnMember(LeadRep, Agency("northside-mh"), [Demo]), inChannel: false,
            isWelcome: true, Now),
        ["help-co-chair-in-channel"] = () => WelcomeCard.Build(null, new TurnMember(CoChair, Agency("city"), [Demo]), inChannel: true,
            isWelcome: false, Now, notice: Teams.Bot.BotMessages.NotUnderstood),
        ["figures"] = () => FiguresCard.Build(TableFigures.Compute([WithFortyEightHourUpdate(), Recorded()], [Demo],
            FiguresPeriod.LastTwelveMonths(DateOnly.FromDateTime(Now.Date)), Now), [Demo], Catalogue),
        ["agenda-with-teams-link"] = () => AgendaCard.Build(MeetingAgenda.Build(Demo,
            new MeetingOccurrence(Now.AddDays(1), Now.AddDays(1).AddMinutes(90), "https://teams.microsoft.com/l/meetup-join/demo"),
            RecordedAt.AddDays(-7), [WithFortyEightHourUpdate(), Recorded()], Now), AgenciesById, Catalogue),
        ["agenda-without-teams-link"] = () => AgendaCard.Build(MeetingAgenda.Build(Demo,
            new MeetingOccurrence(Now.AddDays(1), Now.AddDays(1).AddMinutes(90), null), null, [LeadAccepted()], Now.AddDays(3)), AgenciesById, Catalogue),
        ["meeting-digest"] = () => MeetingDigestCard.Build(Demo, LeadRep, Agency("northside-mh"), Now.AddDays(1),
            "https://teams.microsoft.com/l/meetup-join/demo", [LeadAccepted(), Recorded()], Now),
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
