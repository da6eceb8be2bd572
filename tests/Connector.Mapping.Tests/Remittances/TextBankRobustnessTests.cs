using System.Text;
using Connector.Mapping.Reading;
using Connector.Mapping.Remittances;
using Connector.Mapping.Remittances.Bai2;
using Connector.Mapping.Remittances.Cfonb;
using Connector.Mapping.Remittances.Lockbox;
using static Connector.Mapping.Tests.Remittances.Cfonb.CfonbRecords;

namespace Connector.Mapping.Tests.Remittances;

/// <summary>
/// Readers never throw for bad content: every truncation and a few thousand random damages of a valid file either
/// read or fail the document with problems, and a failed document yields nothing.
/// </summary>
public sealed class TextBankRobustnessTests
{
    private static readonly string Bai2 = string.Join("\n",
        "01,BANK,ACME,250301,0800,1,,,2/",
        "02,ACME,BANK,1,250228,2400,USD,2/",
        "03,1,,010,+100,,,190,500,2,D,2,0,200,1,300/",
        "16,195,500,V,250301,,B1,C1,TEXT, WITH / SLASH",
        "88,MORE TEXT/ 16,475,200,S,100,50,50,B2,C2,/",
        "49,1300,5/",
        "98,1300,1,7/",
        "99,1300,1,9/");

    private static readonly string Lockbox = string.Join("\n",
        "100ABCDEFGHIJ00999999912503041800",
        "2ABCDEFGHIJ0099999991000000000040008000801",
        "50000000012345250304ABCDEFGHIJ0099999991",
        "6001001000070000005500270700123455550000000180051616BOB E SMITH                   MY BUSINESS COMPANY",
        "40010016019INV1 10.00 INV2 20.00",
        "70010000012345250304001" + "0000700000",
        "80000000012345250304" + "0001" + "0000700000",
        "9000008");

    private static readonly string Cfonb = string.Join("\n",
        Balance("01", "0000000100000{"),
        Operation("0000000015000{"),
        Complement("NPY", "GLOBEX"),
        Complement("MMO", "USD2" + "00000000163050"),
        Balance("07", "0000000115000{"));

    public static TheoryData<string> Formats => ["bai2", "lockbox", "cfonb"];

    [Theory]
    [MemberData(nameof(Formats))]
    public void Read_EveryTruncationAndRandomDamage_NeverThrows(string format)
    {
        var valid = format switch { "bai2" => Bai2, "lockbox" => Lockbox, _ => Cfonb };
        Read(format, valid, out var context).ShouldNotBeEmpty();
        context.Failed.ShouldBeFalse(string.Join("; ", context.Problems));

        for (var length = 0; length < valid.Length; length++)
        {
            Check(format, valid[..length]);
        }

        var random = new Random(20250301);
        const string alphabet = "0123456789,/ {}AJR-+.\n\r\t9ZVSD88x";
        for (var i = 0; i < 3000; i++)
        {
            var chars = valid.ToCharArray();
            for (var n = random.Next(1, 4); n > 0; n--)
            {
                chars[random.Next(chars.Length)] = alphabet[random.Next(alphabet.Length)];
            }

            Check(format, new string(chars));
        }
    }

    private static void Check(string format, string text)
    {
        var remittances = Read(format, text, out var context);
        if (context.Failed)
        {
            remittances.ShouldBeEmpty();
            context.Problems.ShouldNotBeEmpty();
        }
    }

    private static IReadOnlyList<MappedRemittance> Read(string format, string text, out DocumentReadContext context)
    {
        context = new DocumentReadContext("bank.txt");
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
        return format switch
        {
            "bai2" => Bai2Reader.Read(stream, "X", context),
            "lockbox" => LockboxReader.Read(stream, "X", context),
            _ => Cfonb120Reader.Read(stream, "X", context),
        };
    }
}
