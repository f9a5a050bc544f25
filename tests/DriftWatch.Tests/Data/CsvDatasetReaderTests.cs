using DriftWatch.Data;

namespace DriftWatch.Tests.Data;

public sealed class CsvDatasetReaderTests
{
    [Fact]
    public void Read_MixedColumns_InfersKinds()
    {
        using var file = TempFile.WithText("d.csv", "age,income,city\n41,1200.5,Oslo\n35,1e3,Bergen\n,2.5,\n");

        var data = CsvDatasetReader.Read(file.Path, null, TestContext.Current.CancellationToken);

        Assert.Equal(3, data.RowCount);
        Assert.Equal(["age", "income", "city"], data.Columns.Select(c => c.Name));
        Assert.Equal(ValueKind.Integer, data.Columns[0].Kind);
        Assert.Equal([41.0, 35.0, double.NaN], data.Columns[0].Numbers!);
        Assert.Equal(ValueKind.Float, data.Columns[1].Kind);
        Assert.Equal([1200.5, 1000.0, 2.5], data.Columns[1].Numbers!);
        Assert.Equal(ValueKind.String, data.Columns[2].Kind);
        Assert.Equal(["Oslo", "Bergen", null], data.Columns[2].Strings!);
        Assert.Equal(file.Path, data.Source);
    }

    [Fact]
    public void Read_InfAndNanLiterals_ParsedAsNumbers()
    {
        using var file = TempFile.WithText("d.csv", "x\ninf\n-inf\n+Inf\nnan\nNaN\nInfinity\n-infinity\n3\n");

        var x = CsvDatasetReader.Read(file.Path, null, TestContext.Current.CancellationToken).Columns[0];

        Assert.Equal(ValueKind.Float, x.Kind);
        Assert.Equal(
            [double.PositiveInfinity, double.NegativeInfinity, double.PositiveInfinity, double.NaN, double.NaN,
             double.PositiveInfinity, double.NegativeInfinity, 3.0],
            x.Numbers!);
    }

    [Fact]
    public void Read_IntegerWithPoint_IsFloat()
    {
        using var file = TempFile.WithText("d.csv", "a,b\n1,1.0\n2,2\n");

        var data = CsvDatasetReader.Read(file.Path, null, TestContext.Current.CancellationToken);

        Assert.Equal(ValueKind.Integer, data.Columns[0].Kind);
        Assert.Equal(ValueKind.Float, data.Columns[1].Kind);
    }

    [Fact]
    public void Read_TextAfterNumbers_KeepsOriginalSpelling()
    {
        using var file = TempFile.WithText("d.csv", "code,n\n007,1\n1.50,2\n,3\nA12,4\n");

        var code = CsvDatasetReader.Read(file.Path, null, TestContext.Current.CancellationToken).Columns[0];

        Assert.Equal(ValueKind.String, code.Kind);
        Assert.Equal(["007", "1.50", null, "A12"], code.Strings!);
    }

    [Fact]
    public void Read_TextAfterNumbersFromUnseekableStream_FormatsNumbersBack()
    {
        using var stream = new NonSeekableStream("code\n7\n1.5\nA12\n"u8.ToArray());

        var code = CsvDatasetReader.Read("piped", stream).Columns[0];

        Assert.Equal(["7", "1.5", "A12"], code.Strings!);
    }

    [Fact]
    public void Read_QuotedFieldsAndCrLf_Unquoted()
    {
        using var file = TempFile.WithText("d.csv", "name,n\r\n\"Smith, J\",1\r\n\"say \"\"hi\"\"\",2\r\n");

        var data = CsvDatasetReader.Read(file.Path, null, TestContext.Current.CancellationToken);

        Assert.Equal(["Smith, J", "say \"hi\""], data.Columns[0].Strings!);
        Assert.Equal([1.0, 2.0], data.Columns[1].Numbers!);
    }

    [Fact]
    public void Read_HeaderOnly_ZeroRows()
    {
        using var file = TempFile.WithText("d.csv", "a,b\n");

        var data = CsvDatasetReader.Read(file.Path, null, TestContext.Current.CancellationToken);

        Assert.Equal(0, data.RowCount);
        Assert.Equal(2, data.Columns.Count);
    }

    [Fact]
    public void Read_ManyRows_AcrossChunkBoundaries()
    {
        const int rows = 200_003;
        var text = new System.Text.StringBuilder("i,half\n");
        for (var i = 0; i < rows; i++)
        {
            text.Append(i).Append(',').Append(i % 2 == 0 ? "even" : "odd").Append('\n');
        }

        using var file = TempFile.WithText("d.csv", text.ToString());

        var data = CsvDatasetReader.Read(file.Path, null, TestContext.Current.CancellationToken);

        Assert.Equal(rows, data.RowCount);
        Assert.Equal(rows - 1, data.Columns[0].Numbers![rows - 1]);
        Assert.Equal(65_536.0, data.Columns[0].Numbers![65_536]);
        Assert.Equal("odd", data.Columns[1].Strings![rows - 2]);
    }

    [Fact]
    public void Read_MissingFile_NamesFile()
    {
        var path = Path.Combine(Path.GetTempPath(), "driftwatch-no-such-file.csv");

        var ex = Assert.Throws<DatasetReadException>(() => CsvDatasetReader.Read(path, null, TestContext.Current.CancellationToken));

        Assert.Equal($"{path}: file not found", ex.Message);
    }

    [Fact]
    public void Read_RaggedRow_NamesFileAndLine()
    {
        using var file = TempFile.WithText("d.csv", "a,b\n1,2\n3,4\n5\n");

        var ex = Assert.Throws<DatasetReadException>(() => CsvDatasetReader.Read(file.Path, null, TestContext.Current.CancellationToken));

        Assert.StartsWith($"{file.Path}: line 4: ", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_DuplicateHeader_NamesColumn()
    {
        using var file = TempFile.WithText("d.csv", "a,b,a\n1,2,3\n");

        var ex = Assert.Throws<DatasetReadException>(() => CsvDatasetReader.Read(file.Path, null, TestContext.Current.CancellationToken));

        Assert.Equal($"{file.Path}: line 1: column 'a' appears twice in the header (columns 1 and 3)", ex.Message);
    }

    [Fact]
    public void Read_EmptyHeaderName_NamesPosition()
    {
        using var file = TempFile.WithText("d.csv", "a,,c\n1,2,3\n");

        var ex = Assert.Throws<DatasetReadException>(() => CsvDatasetReader.Read(file.Path, null, TestContext.Current.CancellationToken));

        Assert.Equal($"{file.Path}: line 1: column 2 of the header has no name", ex.Message);
    }

    [Fact]
    public void Read_EmptyFile_SaysNoHeader()
    {
        using var file = TempFile.WithText("d.csv", string.Empty);

        var ex = Assert.Throws<DatasetReadException>(() => CsvDatasetReader.Read(file.Path, null, TestContext.Current.CancellationToken));

        Assert.Equal($"{file.Path}: line 1: no header row (the file is empty)", ex.Message);
    }

    [Theory]
    [InlineData("1.5", 1.5, false)]
    [InlineData("-3", -3.0, true)]
    [InlineData("+12", 12.0, true)]
    [InlineData(" 4 ", 4.0, true)]
    [InlineData("2.5e-3", 0.0025, false)]
    [InlineData("1E5", 100000.0, false)]
    public void TryParseNumber_Numbers_Parsed(string text, double expected, bool integer)
    {
        var ok = CsvDatasetReader.TryParseNumber(System.Text.Encoding.UTF8.GetBytes(text), out var value, out var isInteger);

        Assert.True(ok);
        Assert.Equal(expected, value);
        Assert.Equal(integer, isInteger);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("1,5")]
    [InlineData("-")]
    [InlineData("inff")]
    [InlineData("NA")]
    public void TryParseNumber_Text_Rejected(string text)
    {
        var ok = CsvDatasetReader.TryParseNumber(System.Text.Encoding.UTF8.GetBytes(text), out _, out _);

        Assert.False(ok);
    }

    private sealed class NonSeekableStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }
    }
}
