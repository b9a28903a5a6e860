using FocusBot.Core.Situations;

namespace FocusBot.Core.Tests.Situations;

public class SituationIdTests
{
    [Theory]
    [InlineData("RX-2026-0142", "RX-2026-0142")]
    [InlineData("rx-2026-0142", "RX-2026-0142")]
    [InlineData("  Rx-2026-0142 \t", "RX-2026-0142")]
    [InlineData("SCAR-2025-10042", "SCAR-2025-10042")]
    [InlineData("DTE-2026-0001", "DTE-2026-0001")]
    [InlineData("RX-2026-00142", "RX-2026-0142")]
    public void Parses_what_people_type_into_the_canonical_form(string text, string expected)
    {
        Assert.True(SituationId.TryParse(text, out var id));
        Assert.Equal(expected, id.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("RX-20260142")]
    [InlineData("RX2026-0142")]
    [InlineData("RX-2026-142")]
    [InlineData("R-2026-0142")]
    [InlineData("ABCDE-2026-0142")]
    [InlineData("R1-2026-0142")]
    [InlineData("RX-26-0142")]
    [InlineData("RX-1999-0142")]
    [InlineData("RX-2026-0000")]
    [InlineData("RX-2026-1234567")]
    [InlineData("RX-2026-0142; DROP TABLE situations")]
    [InlineData("'; DROP TABLE situations; --")]
    [InlineData("RX-2026-0142' OR '1'='1")]
    [InlineData("RX–2026–0142")]
    [InlineData("RX-2026-0142\nRX-2026-0143")]
    [InlineData("RX-２０２６-0142")]
    [InlineData("situation RX-2026-0142")]
    public void Refuses_anything_that_is_not_an_id(string? text)
    {
        Assert.False(SituationId.TryParse(text, out _));
    }

    [Fact]
    public void Refuses_a_thousand_character_string()
    {
        Assert.False(SituationId.TryParse("RX-2026-" + new string('1', 992), out _));
        Assert.False(SituationId.TryParse(new string('A', 1000), out _));
    }

    [Fact]
    public void Formats_the_number_with_at_least_four_digits()
    {
        Assert.Equal("RX-2026-0007", SituationId.Create("RX", 2026, 7).ToString());
        Assert.Equal("RX-2026-12345", SituationId.Create("RX", 2026, 12345).ToString());
    }

    [Fact]
    public void Equal_ids_are_equal_values()
    {
        Assert.Equal(SituationId.Parse("rx-2026-0142"), SituationId.Create("RX", 2026, 142));
    }

    [Theory]
    [InlineData("rx", 2026, 1)]
    [InlineData("R", 2026, 1)]
    [InlineData("RX", 1999, 1)]
    [InlineData("RX", 2026, 0)]
    [InlineData("RX", 2026, 1_000_000)]
    public void Create_refuses_parts_out_of_range(string code, int year, int number)
    {
        Assert.ThrowsAny<ArgumentException>(() => SituationId.Create(code, year, number));
    }

    [Fact]
    public void Parse_of_garbage_throws_format_exception()
    {
        Assert.Throws<FormatException>(() => SituationId.Parse("'; DROP TABLE situations; --"));
    }
}
