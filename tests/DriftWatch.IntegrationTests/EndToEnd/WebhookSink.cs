using System.Collections.Concurrent;
using System.Net;

namespace DriftWatch.IntegrationTests.EndToEnd;

/// <summary>A tiny HTTP endpoint that records the bodies Alertmanager posts to it.</summary>
internal sealed class WebhookSink : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;

    public WebhookSink(int port)
    {
        Url = $"http://127.0.0.1:{port}/hook";
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public string Url { get; }

    public ConcurrentQueue<(string Authorization, string Body)> Received { get; } = new();

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            _loop.Wait(2000);
        }
        catch (AggregateException)
        {
            // the listener was closed under the loop
        }
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext ctx;
            try
            {
                ctx = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using (var reader = new StreamReader(ctx.Request.InputStream))
            {
                Received.Enqueue((ctx.Request.Headers["Authorization"] ?? string.Empty, await reader.ReadToEndAsync()));
            }

            ctx.Response.StatusCode = 200;
            ctx.Response.Close();
        }
    }
}
