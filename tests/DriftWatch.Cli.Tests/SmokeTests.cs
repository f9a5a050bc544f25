namespace DriftWatch.Cli.Tests;

public sealed class AssemblyLoadsTests
{
    [Fact]
    public void Assembly_Loads_HasName()
    {
        var name = typeof(AssemblyLoadsTests).Assembly.GetName().Name;

        Assert.Equal("DriftWatch.Cli.Tests", name);
    }
}
