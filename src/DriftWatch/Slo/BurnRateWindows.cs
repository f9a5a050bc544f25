namespace DriftWatch.Slo;

/// <summary>The four multiwindow multi-burn-rate conditions of the Google SRE workbook, scaled to an SLO period.</summary>
/// <param name="PageQuick">Page when 2% of the budget burns within the long window (5m and 1h, 14.4x for 30 days).</param>
/// <param name="PageSlow">Page when 5% burns (30m and 6h, 6x for 30 days).</param>
/// <param name="TicketQuick">Ticket when 10% burns (2h and 1d, 3x for 30 days).</param>
/// <param name="TicketSlow">Ticket when 10% burns (6h and 3d, 1x for 30 days).</param>
/// <remarks>
/// The 30-day windows and budget shares are the workbook's recommended parameters (as in Sloth's
/// <c>google-30d</c> window set). For another period P every window is multiplied by P / 30d and rounded to the
/// minute (at least one minute), as Pyrra scales its 28-day windows; the factors stay those of 30 days, since
/// factor = budget share x period / long window is unchanged when both period and window scale together.
/// </remarks>
internal sealed record BurnRateWindows(BurnRateWindow PageQuick, BurnRateWindow PageSlow, BurnRateWindow TicketQuick, BurnRateWindow TicketSlow)
{
    /// <summary>The reference period of the workbook parameters.</summary>
    public static readonly TimeSpan ReferencePeriod = TimeSpan.FromDays(30);

    /// <summary>Gets every distinct window, shortest first.</summary>
    public IReadOnlyList<TimeSpan> All =>
        new[] { PageQuick.Short, PageQuick.Long, PageSlow.Short, PageSlow.Long, TicketQuick.Short, TicketQuick.Long, TicketSlow.Short, TicketSlow.Long }
            .Distinct().Order().ToArray();

    /// <summary>Builds the windows for an SLO period.</summary>
    /// <param name="period">The SLO period (at least one day).</param>
    /// <returns>The four conditions.</returns>
    public static BurnRateWindows For(TimeSpan period) =>
        new(
            new BurnRateWindow(Scale(TimeSpan.FromMinutes(5), period), Scale(TimeSpan.FromHours(1), period), 14.4m),
            new BurnRateWindow(Scale(TimeSpan.FromMinutes(30), period), Scale(TimeSpan.FromHours(6), period), 6m),
            new BurnRateWindow(Scale(TimeSpan.FromHours(2), period), Scale(TimeSpan.FromDays(1), period), 3m),
            new BurnRateWindow(Scale(TimeSpan.FromHours(6), period), Scale(TimeSpan.FromDays(3), period), 1m));

    private static TimeSpan Scale(TimeSpan window, TimeSpan period)
    {
        // Whole minutes in long arithmetic so that 30 days gives the workbook windows exactly.
        var minutes = (long)Math.Round(window.TotalMinutes * period.TotalMinutes / ReferencePeriod.TotalMinutes, MidpointRounding.AwayFromZero);
        return TimeSpan.FromMinutes(Math.Max(1, minutes));
    }
}
