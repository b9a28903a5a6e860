using System.Buffers.Binary;

namespace FocusBot.AppPackage;

/// <summary>A PNG's size and colour type, read from its signature and IHDR chunk (the first 29 bytes).</summary>
public sealed record PngHeader(int Width, int Height, byte BitDepth, byte ColorType)
{
    private static ReadOnlySpan<byte> Signature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Colour types 4 (grey + alpha) and 6 (RGBA) carry an alpha channel.</summary>
    public bool HasAlphaChannel => ColorType is 4 or 6;

    public static PngHeader Read(ReadOnlySpan<byte> png)
    {
        // signature (8) + IHDR length (4) + "IHDR" (4) + width (4) + height (4) + bit depth (1) + colour type (1)
        if (png.Length < 26 || !png[..8].SequenceEqual(Signature) || !png.Slice(12, 4).SequenceEqual("IHDR"u8))
            throw new InvalidDataException("not a PNG file");
        return new PngHeader(
            checked((int)BinaryPrimitives.ReadUInt32BigEndian(png.Slice(16, 4))),
            checked((int)BinaryPrimitives.ReadUInt32BigEndian(png.Slice(20, 4))),
            png[24],
            png[25]);
    }
}
