using FocusBot.Core.Roster;
using FocusBot.Data;
using FocusBot.Data.Roster;
using FocusBot.Testing;

namespace FocusBot.Teams.Tests.Bot;

/// <summary>The one member lookup (tenant + object id, e-mail once), against the sample roster in a real database.</summary>
public sealed class MemberLookupTests : IAsyncLifetime
{
    private const string Tenant = "4c1d2b5a-0000-4000-8000-00000000f0c5";
    private const string RepObjectId = "0b5e6f6a-1111-4111-8111-000000000001";
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = (await TestDatabase.CreateWithSampleRosterAsync(DatabaseProvider.Sqlite)).Database;

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private async Task<string?> FindAsync(string? tenant, string? objectId, params string?[] addresses)
    {
        await using var db = _database.CreateContext();
        var member = await new MemberLookup(new EfRosterStore(db), Tenant)
            .FindAsync(new SignedInPerson(tenant, objectId), _ => Task.FromResult<IReadOnlyList<string?>>(addresses), default);
        return member?.Email;
    }

    [Theory]
    [InlineData("rep.demo_northside-mh.example#EXT#@focushost.onmicrosoft.com", "rep.demo@northside-mh.example")]
    [InlineData("REP.DEMO_Northside-MH.example#ext#@focushost.onmicrosoft.com", "rep.demo@northside-mh.example")]
    [InlineData("alex_smith_cmha.example#EXT#@host.onmicrosoft.com", "alex_smith@cmha.example")]
    [InlineData(" Chair.Demo@City.example ", "chair.demo@city.example")]
    [InlineData("   ", null)]
    public void A_guest_principal_name_reads_as_the_guests_own_address(string principalName, string? expected) =>
        Assert.Equal(expected, PrincipalName.ToEmail(principalName));

    [Fact]
    public async Task A_B2B_guest_is_matched_by_the_rosters_email_and_then_known_by_object_id()
    {
        var first = await FindAsync(Tenant, RepObjectId, null, "rep.demo_northside-mh.example#EXT#@focushost.onmicrosoft.com");
        var later = await FindAsync(Tenant, RepObjectId);

        Assert.Equal("rep.demo@northside-mh.example", first);
        Assert.Equal("rep.demo@northside-mh.example", later);
    }

    [Fact]
    public async Task Once_known_by_object_id_a_member_is_not_found_by_someone_else_claiming_their_email()
    {
        await FindAsync(Tenant, RepObjectId, "rep.demo@northside-mh.example");

        var impostor = await FindAsync(Tenant, "0b5e6f6a-2222-4222-8222-000000000002", "rep.demo@northside-mh.example");
        var noObjectId = await FindAsync(Tenant, null, "rep.demo@northside-mh.example");

        Assert.Null(impostor);
        Assert.Null(noObjectId);
    }

    [Theory]
    [InlineData("another-tenant")]
    [InlineData(null)]
    public async Task A_person_of_another_tenant_or_none_is_nobody_even_with_a_known_object_id(string? tenant)
    {
        await FindAsync(Tenant, RepObjectId, "rep.demo@northside-mh.example");

        Assert.Null(await FindAsync(tenant, RepObjectId, "rep.demo@northside-mh.example"));
    }

    [Fact]
    public async Task The_addresses_are_not_asked_for_when_the_object_id_finds_the_member()
    {
        await FindAsync(Tenant, RepObjectId, "rep.demo@northside-mh.example");
        await using var db = _database.CreateContext();
        var asked = 0;

        var member = await new MemberLookup(new EfRosterStore(db), Tenant).FindAsync(new SignedInPerson(Tenant, RepObjectId),
            _ => { asked++; return Task.FromResult<IReadOnlyList<string?>>([]); }, default);

        Assert.Equal("rep.demo@northside-mh.example", member?.Email);
        Assert.Equal(0, asked);
    }

    [Theory]
    [InlineData("00000000-0000-0000-0000-000000000000")]
    [InlineData("not-a-guid")]
    public async Task An_object_id_that_is_no_object_id_is_never_remembered(string objectId)
    {
        await FindAsync(Tenant, objectId, "rep.demo@northside-mh.example");

        Assert.Null(await FindAsync(Tenant, objectId, "visitor@elsewhere.example"));
        Assert.Equal("rep.demo@northside-mh.example", await FindAsync(Tenant, RepObjectId, "rep.demo@northside-mh.example"));
    }

    [Fact]
    public async Task Someone_not_on_the_roster_is_nobody()
    {
        Assert.Null(await FindAsync(Tenant, "0b5e6f6a-3333-4333-8333-000000000003", "visitor@elsewhere.example", "visitor_elsewhere.example#EXT#@x.onmicrosoft.com"));
    }
}
