namespace FocusBot.Core.Situations;

/// <summary>What an agency reports back: the 48-hour update first, then updates before following meetings.</summary>
public sealed class SituationUpdate
{
    private List<string> _barrierIds = [];
    private List<string> _serviceIds = [];

    private SituationUpdate()
    {
        AgencyId = ByEmail = KindId = Note = string.Empty;
    }

    internal SituationUpdate(
        string agencyId, string byEmail, DateTimeOffset at, string kindId, string note, string? nextStep,
        IEnumerable<string> barrierIds, bool isFortyEightHourUpdate, bool? wasOnTime, IEnumerable<string> serviceIds)
    {
        Id = Guid.CreateVersion7(at);
        AgencyId = agencyId;
        ByEmail = byEmail;
        At = at;
        KindId = kindId;
        Note = note;
        NextStep = nextStep;
        _barrierIds.AddRange(barrierIds);
        _serviceIds.AddRange(serviceIds);
        IsFortyEightHourUpdate = isFortyEightHourUpdate;
        WasOnTime = wasOnTime;
    }

    public Guid Id { get; private set; }
    public string AgencyId { get; private set; }
    public string ByEmail { get; private set; }
    public DateTimeOffset At { get; private set; }
    /// <summary>An update kind id from the catalogue, e.g. <c>contacted</c>.</summary>
    public string KindId { get; private set; }
    public string Note { get; private set; }
    public string? NextStep { get; private set; }
    /// <summary>Systemic barrier ids from the catalogue: what the table reports to funders and the city.</summary>
    public IReadOnlyList<string> BarrierIds => _barrierIds;
    /// <summary>Services mobilized, ids from the catalogue's <c>Services</c> (RTD's "services mobilized").</summary>
    public IReadOnlyList<string> ServiceIds => _serviceIds;
    public bool IsFortyEightHourUpdate { get; private set; }
    /// <summary>For the 48-hour update, whether it came by the due time; null for later updates.</summary>
    public bool? WasOnTime { get; private set; }
}
