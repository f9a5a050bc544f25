#:property TreatWarningsAsErrors=false
#:property PublishAot=false
#:property NoWarn=CA1305;CA1303;CA5394;CA1515;CA1852;CA2007;CA1849;CS1591

// Latency added by monitoring, measured as a paired (interleaved) experiment: two `driftwatch serve` processes on the
// same machine, one with monitoring on and one with it off; one client sends one request to each in random order, pair
// after pair, over one keep-alive connection per service. Load and scheduling noise on a shared machine then hit both
// sides alike, which separate wrk rounds cannot ensure. Prints p50/p99/p99.9 of each side, their differences and a
// bootstrap 95% interval of the p99 difference (pairs resampled).
// Run from the repository root after `dotnet build src/DriftWatch.Cli -c Release`:
//   dotnet run -c Release bench/scripts/serve_ab_latency.cs [pairs=40000]
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;

int pairs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 40_000;
string dll = Path.GetFullPath("artifacts/bin/DriftWatch.Cli/release/DriftWatch.Cli.dll");
if (!File.Exists(dll))
{
    Console.Error.WriteLine($"build first: dotnet build src/DriftWatch.Cli -c Release ({dll} is missing)");
    return 2;
}

string work = Directory.CreateTempSubdirectory("driftwatch-ab-").FullName;
var services = new List<Process>();
try
{
    var on = Start("on", 18191, monitoring: true);
    var off = Start("off", 18192, monitoring: false);
    using var onClient = Client(18191);
    using var offClient = Client(18192);
    await Ready(onClient);
    await Ready(offClient);

    const string Body = """{"instances":[{"age":41,"income":52000,"debt_to_income":0.3,"credit_history_months":120,"num_open_accounts":4,"loan_amount":15000,"employment_type":"salaried","device_type":"mobile"}]}""";
    for (int i = 0; i < 5_000; i++)
    {
        await Send(onClient);
        await Send(offClient);
    }

    Console.WriteLine($"load before: {File.ReadAllText("/proc/loadavg").Trim()}");
    var onTimes = new double[pairs];
    var offTimes = new double[pairs];
    var random = new Random(7);
    for (int i = 0; i < pairs; i++)
    {
        if (random.Next(2) == 0)
        {
            onTimes[i] = await Send(onClient);
            offTimes[i] = await Send(offClient);
        }
        else
        {
            offTimes[i] = await Send(offClient);
            onTimes[i] = await Send(onClient);
        }
    }

    Console.WriteLine($"load after: {File.ReadAllText("/proc/loadavg").Trim()}");
    Console.WriteLine($"{pairs} interleaved pairs, one keep-alive connection per service; client-observed latency in µs");
    Console.WriteLine("quantile     on       off    added");
    foreach (double q in new[] { 0.5, 0.9, 0.99, 0.999 })
    {
        double a = Quantile(onTimes, q);
        double b = Quantile(offTimes, q);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"p{q * 100,-6} {a,8:F1} {b,8:F1} {a - b,8:F1}"));
    }

    // Bootstrap over pairs: resample pair indices, recompute both p99s, take the difference.
    var diffs = new double[1000];
    var sampleOn = new double[pairs];
    var sampleOff = new double[pairs];
    var boot = new Random(11);
    for (int b = 0; b < diffs.Length; b++)
    {
        for (int i = 0; i < pairs; i++)
        {
            int k = boot.Next(pairs);
            sampleOn[i] = onTimes[k];
            sampleOff[i] = offTimes[k];
        }

        diffs[b] = Quantile(sampleOn, 0.99) - Quantile(sampleOff, 0.99);
    }

    Console.WriteLine(string.Create(
        CultureInfo.InvariantCulture,
        $"p99 added: {Quantile(onTimes, 0.99) - Quantile(offTimes, 0.99):F1} µs, bootstrap 95% interval [{Quantile(diffs, 0.025):F1}, {Quantile(diffs, 0.975):F1}] µs"));
    return 0;

    async Task<double> Send(HttpClient client)
    {
        using var content = new StringContent(Body, Encoding.UTF8, "application/json");
        long t0 = Stopwatch.GetTimestamp();
        using var response = await client.PostAsync("/v1/models/credit-risk/predict", content);
        await response.Content.ReadAsByteArrayAsync();
        long t1 = Stopwatch.GetTimestamp();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"predict answered {(int)response.StatusCode}");
        }

        return Stopwatch.GetElapsedTime(t0, t1).TotalMicroseconds;
    }
}
finally
{
    foreach (var p in services)
    {
        try
        {
            p.Kill(entireProcessTree: true);
            p.WaitForExit();
        }
        catch (InvalidOperationException)
        {
        }
    }

    Directory.Delete(work, recursive: true);
}

Process Start(string name, int port, bool monitoring)
{
    string dir = Path.Combine(work, name);
    Directory.CreateDirectory(dir);
    File.WriteAllText(
        Path.Combine(dir, "driftwatch.yaml"),
        $"store:\n  path: {Path.Combine(dir, "db.sqlite")}\n  writer_capacity: 100000\nmonitoring:\n  enabled: {(monitoring ? "true" : "false")}\n");
    var info = new ProcessStartInfo("dotnet", [dll, "serve", "--urls", $"http://127.0.0.1:{port}", "--config", "driftwatch.yaml"])
    {
        WorkingDirectory = dir,
        RedirectStandardOutput = true,
        RedirectStandardError = true,
    };
    var process = Process.Start(info)!;
    process.OutputDataReceived += (_, _) => { };
    process.ErrorDataReceived += (_, _) => { };
    process.BeginOutputReadLine();
    process.BeginErrorReadLine();
    services.Add(process);
    return process;
}

static HttpClient Client(int port) => new(new SocketsHttpHandler { MaxConnectionsPerServer = 1, UseProxy = false })
{
    BaseAddress = new Uri($"http://127.0.0.1:{port}"),
};

static async Task Ready(HttpClient client)
{
    for (int i = 0; i < 600; i++)
    {
        try
        {
            using var response = await client.GetAsync("/readyz");
            if (response.IsSuccessStatusCode)
            {
                return;
            }
        }
        catch (HttpRequestException)
        {
        }

        await Task.Delay(200);
    }

    throw new InvalidOperationException("a service did not become ready in 120 s");
}

static double Quantile(double[] values, double q)
{
    var sorted = (double[])values.Clone();
    Array.Sort(sorted);
    double h = (sorted.Length - 1) * q;
    int lo = (int)Math.Floor(h);
    int hi = Math.Min(lo + 1, sorted.Length - 1);
    return sorted[lo] + ((h - lo) * (sorted[hi] - sorted[lo]));
}
