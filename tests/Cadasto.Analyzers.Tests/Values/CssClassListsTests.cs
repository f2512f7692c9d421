using Cadasto.Analyzers.Values;

namespace Cadasto.Analyzers.Tests.Values;

/// <summary>An icon's CSS classes are a label wherever they are kept; a passphrase or a password with a space is not one.</summary>
public sealed class CssClassListsTests
{
    [Theory]
    [InlineData("fa fa-key")]
    [InlineData("glyphicon glyphicon-lock")]
    [InlineData("fas fa-lock")]
    [InlineData("far fa-arrow-alt-circle-right")]
    [InlineData("fab fa-windows")]
    [InlineData("fa-solid fa-key")]
    [InlineData("fa fa-ban text-danger")]
    [InlineData("text-muted bi bi-shield-lock")]
    [InlineData("mdi mdi-lock-outline mdi-24px")]
    [InlineData("las la-key")]
    [InlineData(" fa  fa-key ")]
    public void IconClassList_IsOne(string value) => Assert.True(CssClassLists.IsIconClassList(value));

    [Theory]
    [InlineData("fa-key")] // one class: no list
    [InlineData("fa")]
    [InlineData("correct horse-battery staple")] // a passphrase: no base class and its icon class
    [InlineData("fa Fa-Key")] // capitals: no class list
    [InlineData("fa fa-k3y!")]
    [InlineData("Qv7k fa-Lx9")]
    [InlineData("fas fas")]
    [InlineData("fa-solid fa-solid")]
    [InlineData("9fa 9fa-key")]
    public void OtherText_IsNone(string value) => Assert.False(CssClassLists.IsIconClassList(value));
}
