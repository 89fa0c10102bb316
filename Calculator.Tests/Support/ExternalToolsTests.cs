using Xunit;

namespace Calculator.Tests.Support;

public class ExternalToolsTests
{
    [Fact]
    public void MissingTool_SkipsTheTest_NamingTheTool()
    {
        var fact = new FactNeedingAttribute("sh", "calc-test-no-such-tool");
        Assert.NotNull(fact.Skip);
        Assert.StartsWith("needs calc-test-no-such-tool, not found on PATH", fact.Skip, StringComparison.Ordinal);
        Assert.Contains("calc-test-no-such-tool", new TheoryNeedingAttribute("calc-test-no-such-tool").Skip, StringComparison.Ordinal);
    }

    [Fact]
    public void InstalledTool_RunsTheTest()
    {
        Assert.Null(new FactNeedingAttribute("sh").Skip);
        Assert.Null(new TheoryNeedingAttribute("sh").Skip);
    }
}
