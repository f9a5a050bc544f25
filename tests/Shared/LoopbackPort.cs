using System.Net;
using System.Net.Sockets;

namespace DriftWatch.Testing;

/// <summary>
/// Loopback ports for child processes that must be told their port up front (a replica, PostgreSQL, Prometheus).
/// </summary>
/// <remarks>
/// Asking the kernel for port 0 and closing the listener hands out a port from the ephemeral range, which the kernel
/// also gives to outgoing connections: between the pick and the child's bind (a second or more under load) any
/// HTTP client in the test run can take it, and the child dies with "address in use". Ports here come from below
/// the ephemeral range (<c>/proc/sys/net/ipv4/ip_local_port_range</c> starts at 32768 by default), never twice in
/// one process, starting at a random offset so that parallel test processes rarely meet, and only when a bind
/// shows them free at the time of the pick.
/// </remarks>
internal static class LoopbackPort
{
    private const int First = 20_000;
    private const int Count = 12_000;
    private static int _next = Random.Shared.Next(Count);

    /// <summary>Returns a loopback port that is free now and was not handed out before in this process.</summary>
    public static int Next()
    {
        for (var attempt = 0; attempt < Count; attempt++)
        {
            var port = First + (int)((uint)Interlocked.Increment(ref _next) % Count);
            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (SocketException)
            {
                // taken: try the next one
            }
        }

        throw new InvalidOperationException($"no free loopback port in {First}..{First + Count - 1}");
    }
}
