/* test-feed-sanitize.c: the allow-listed HTML of summaries, and their plain text */
#include "config.h"

#include <glib.h>
#include <string.h>

#include "accords-html-sanitizer.h"

static void
check (const char *input,
       const char *base,
       const char *expected_html,
       const char *expected_text)
{
  g_autoptr(GString) html = g_string_new (NULL);
  g_autoptr(GString) text = g_string_new (NULL);

  accords_html_sanitize (input, strlen (input), base, html, text);
  g_test_message ("%s\n  -> %s\n  -> %s", input, html->str, text->str);
  if (expected_html != NULL)
    g_assert_cmpstr (html->str, ==, expected_html);
  if (expected_text != NULL)
    g_assert_cmpstr (text->str, ==, expected_text);
  g_assert_true (g_utf8_validate (html->str, html->len, NULL));
  g_assert_true (g_utf8_validate (text->str, text->len, NULL));
}

static void
test_kept (void)
{
  check ("<p>Safe <b>bold</b> and <em>em</em><br>line</p>",
         NULL, "<p>Safe <b>bold</b> and <em>em</em><br />line</p>", "Safe bold and em\nline");
  check ("<ul><li>one</li><li>two</li></ul>", NULL, "<ul><li>one</li><li>two</li></ul>", "one\ntwo");
  check ("<table><tr><td>a</td><td>b</td></tr></table>", NULL,
         "<table><tr><td>a</td><td>b</td></tr></table>", "a b");
  check ("<IMG SRC=\"https://x.example/a.png\" ALT=\"A &amp; B\">", NULL,
         "<img src=\"https://x.example/a.png\" alt=\"A &amp; B\" />", "");
  check ("<a href=\"mailto:desk@example.org\" title=\"Write\">mail</a>", NULL,
         "<a href=\"mailto:desk@example.org\" title=\"Write\">mail</a>", "mail");
}

static void
test_dropped_elements (void)
{
  check ("safe<script>alert(1)</script> text", NULL, "safe text", "safe text");
  check ("a<script type=\"text/javascript\">if (a < b) document.write('</p>')</script>b", NULL, "ab", "ab");
  check ("a<style>p { color: red }</style>b", NULL, "ab", "ab");
  check ("safe<iframe src=\"https://evil.example/\"></iframe> <b>description</b>", NULL,
         "safe <b>description</b>", "safe description");
  check ("safe<object data=\"x.swf\"><param name=\"a\" value=\"b\"></object> end", NULL, "safe end", "safe end");
  check ("safe<embed src=\"x.swf\"> end", NULL, "safe end", "safe end");
  check ("<form action=\"https://evil.example/\"><input name=\"q\"><button>Go</button></form>", NULL, "Go", "Go");
  check ("a<svg><script>alert(1)</script><text>svg text</text></svg>b", NULL, "ab", "ab");
  check ("x<!-- a comment <script> -->y", NULL, "xy", "xy");
  check ("<!DOCTYPE html><html><head><title>T</title></head><body><p>Body</p></body></html>", NULL,
         "T<p>Body</p>", "T\nBody");
  check ("<blink>blinking</blink>", NULL, "blinking", "blinking");
}

static void
test_dropped_attributes (void)
{
  check ("<img src=\"https://x.example/a.png\" onerror=\"steal()\" onload='x()'>", NULL,
         "<img src=\"https://x.example/a.png\" />", NULL);
  check ("<p style=\"background: url(javascript:alert(1))\" class=\"c\" id=\"i\">t</p>", NULL, "<p>t</p>", "t");
  check ("<a href=\"javascript:alert(1)\">x</a>", NULL, "<a>x</a>", "x");
  check ("<a href=\"JaVaScRiPt:alert(1)\">x</a>", NULL, "<a>x</a>", "x");
  check ("<a href=\" java\tscript:alert(1)\">x</a>", NULL, "<a>x</a>", "x");
  check ("<a href=\"&#106;avascript:alert(1)\">x</a>", NULL, "<a>x</a>", "x");
  check ("<a href=\"vbscript:x\">x</a><a href=\"data:text/html,x\">y</a><a href=\"file:///etc/passwd\">z</a>",
         NULL, "<a>x</a><a>y</a><a>z</a>", "xyz");
  check ("<img src=\"data:image/png;base64,AAAA\">", NULL, "<img />", "");
  check ("<a href='https://ok.example/?a=1&amp;b=\"2\"'>ok</a>", NULL,
         "<a href=\"https://ok.example/?a=1&amp;b=&quot;2&quot;\">ok</a>", "ok");
}

static void
test_urls (void)
{
  check ("<a href=\"/uk/policy\">r</a>", "https://news.example.org/world/",
         "<a href=\"https://news.example.org/uk/policy\">r</a>", "r");
  check ("<a href=\"../up/x.html?q=%41#f\">r</a>", "https://news.example.org/world/a/",
         "<a href=\"https://news.example.org/world/up/x.html?q=%41#f\">r</a>", "r");
  /* A relative URL without a base is not a link to anywhere: it stays out */
  check ("<a href=\"rel\">r</a>", NULL, "<a>r</a>", "r");
  /* A relative URL against a base that is not http stays out */
  check ("<a href=\"x\">r</a>", "file:///home/me/feeds/", "<a>r</a>", "r");

  {
    g_autofree char *a = accords_html_clean_url ("  https://ok.example/x  ", NULL);
    g_autofree char *b = accords_html_clean_url ("javascript:alert(1)", "https://ok.example/");
    g_autofree char *c = accords_html_resolve_url ("http://any.test/", "\xc3\x80");

    g_assert_cmpstr (a, ==, "https://ok.example/x");
    g_assert_null (b);
    g_assert_cmpstr (c, ==, "http://any.test/\xc3\x80");
  }
}

/* The examples of RFC 3986, 5.4 */
static void
test_resolve_rfc3986 (void)
{
  static const struct {
    const char *ref;
    const char *resolved;
  } examples[] = {
    { "g:h", "g:h" }, { "g", "http://a/b/c/g" }, { "./g", "http://a/b/c/g" },
    { "g/", "http://a/b/c/g/" }, { "/g", "http://a/g" }, { "//g", "http://g" },
    { "?y", "http://a/b/c/d;p?y" }, { "g?y", "http://a/b/c/g?y" },
    { "#s", "http://a/b/c/d;p?q#s" }, { "g#s", "http://a/b/c/g#s" },
    { "g?y#s", "http://a/b/c/g?y#s" }, { ";x", "http://a/b/c/;x" },
    { "g;x", "http://a/b/c/g;x" }, { "g;x?y#s", "http://a/b/c/g;x?y#s" },
    { "", "http://a/b/c/d;p?q" }, { ".", "http://a/b/c/" }, { "./", "http://a/b/c/" },
    { "..", "http://a/b/" }, { "../", "http://a/b/" }, { "../g", "http://a/b/g" },
    { "../..", "http://a/" }, { "../../", "http://a/" }, { "../../g", "http://a/g" },
    { "../../../g", "http://a/g" }, { "../../../../g", "http://a/g" },
    { "/./g", "http://a/g" }, { "/../g", "http://a/g" }, { "g.", "http://a/b/c/g." },
    { ".g", "http://a/b/c/.g" }, { "g..", "http://a/b/c/g.." }, { "..g", "http://a/b/c/..g" },
    { "./../g", "http://a/b/g" }, { "./g/.", "http://a/b/c/g/" }, { "g/./h", "http://a/b/c/g/h" },
    { "g/../h", "http://a/b/c/h" }, { "g;x=1/./y", "http://a/b/c/g;x=1/y" },
    { "g;x=1/../y", "http://a/b/c/y" }, { "g?y/./x", "http://a/b/c/g?y/./x" },
    { "g?y/../x", "http://a/b/c/g?y/../x" }, { "g#s/./x", "http://a/b/c/g#s/./x" },
    { "g#s/../x", "http://a/b/c/g#s/../x" }, { "http:g", "http:g" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (examples); i++)
    {
      g_autofree char *resolved = accords_html_resolve_url ("http://a/b/c/d;p?q", examples[i].ref);

      g_assert_cmpstr (resolved, ==, examples[i].resolved);
    }
}

/* Every URL kept is absolute http, https or mailto once resolved */
static void
clean_is (const char *url,
          const char *base,
          const char *expected)
{
  g_autofree char *clean = accords_html_clean_url (url, base);

  g_test_message ("%s against %s -> %s", url, base ? base : "(no base)", clean ? clean : "(dropped)");
  g_assert_cmpstr (clean, ==, expected);
}

static void
test_links_absolute (void)
{
  clean_is ("java script:alert(4)", NULL, NULL);
  clean_is ("javascript:alert(4)", "https://news.example.org/", NULL);
  clean_is (" JaVaScRiPt:alert(4)", NULL, NULL);
  clean_is ("data:text/html,<script>", NULL, NULL);
  clean_is ("file:///etc/passwd", NULL, NULL);
  clean_is ("//evil.example/x", NULL, NULL);
  clean_is ("//evil.example/x", "https://news.example.org/a/", "https://evil.example/x");
  clean_is ("//evil.example/x", "http://news.example.org/a/", "http://evil.example/x");
  clean_is ("relative/x.html", NULL, NULL);
  clean_is ("/rooted", NULL, NULL);
  clean_is ("#fragment", NULL, NULL);
  clean_is ("", NULL, NULL);
  clean_is ("relative/x.html", "https://news.example.org/a/", "https://news.example.org/a/relative/x.html");
  clean_is ("relative/x.html", "file:///home/me/feeds/", NULL);
  clean_is ("http:relative", NULL, NULL);
  clean_is ("https:///no-host", NULL, NULL);
  clean_is ("http://user@:80/", NULL, NULL);
  clean_is ("https://news.example.org/x", NULL, "https://news.example.org/x");
  clean_is ("HTTP://News.example.org/x", NULL, "HTTP://News.example.org/x");
  clean_is ("mailto:desk@example.org", NULL, "mailto:desk@example.org");
}

static void
test_text_and_entities (void)
{
  check ("Caf&eacute; &amp; bar &lt;tag&gt; &#8217; &#x2019; &#146; &nbsp;x", NULL,
         "Café &amp; bar &lt;tag&gt; ’ ’ ’ \xc2\xa0x", "Café & bar <tag> ’ ’ ’ x");
  check ("A & B, 1 < 2, &bogus; &#0; &#xD800;", NULL,
         "A &amp; B, 1 &lt; 2, &amp;bogus; \xef\xbf\xbd \xef\xbf\xbd", "A & B, 1 < 2, &bogus; \xef\xbf\xbd \xef\xbf\xbd");
  check ("  lots   of\n\n white\tspace  ", NULL, NULL, "lots of white space");
  check ("<p>one</p><p>two</p>", NULL, NULL, "one\ntwo");

  {
    g_autofree char *t = accords_html_to_text ("<p>Title <b>bold</b></p><p>more</p>", 35);
    g_assert_cmpstr (t, ==, "Title bold more");
  }
  g_assert_true (accords_html_looks_like_html ("a <b>b</b>", 10));
  g_assert_true (accords_html_looks_like_html ("AT&amp;T", 8));
  g_assert_false (accords_html_looks_like_html ("AT&T and 1 < 2", 14));
  g_assert_false (accords_html_looks_like_html ("History of the <blink> tag", 26));
}

static void
test_broken_markup (void)
{
  /* Unclosed elements are closed, stray end tags dropped: always well nested */
  check ("<p><b>bold <i>both</p> after</b>", NULL, "<p><b>bold <i>both</i></b></p> after", NULL);
  check ("</div>text</span>", NULL, "text", "text");
  check ("<a href=\"https://x.example/\"", NULL, "<a href=\"https://x.example/\"></a>", "");
  check ("text <", NULL, "text &lt;", "text <");
  check ("<<<>>>", NULL, "&lt;&lt;&lt;&gt;&gt;&gt;", "<<<>>>");
  check ("<!' <a href=\"foo\">x", "https://x.example/", "&lt;!' <a href=\"https://x.example/foo\">x</a>", NULL);
  check ("x<script>never closed", NULL, "x", "x");
  check ("x<!-- never closed", NULL, "x", "x");

  /* Nesting far deeper than any article is flattened, not followed */
  {
    g_autoptr(GString) deep = g_string_new (NULL);
    g_autoptr(GString) html = g_string_new (NULL);

    for (int i = 0; i < 100000; i++)
      g_string_append (deep, "<div><b>");
    g_string_append (deep, "core");
    accords_html_sanitize (deep->str, deep->len, NULL, html, NULL);
    g_assert_nonnull (strstr (html->str, "core"));
    g_assert_cmpuint (html->len, <, 2000);
  }
}

/* The fuzzer's finds, read as HTML fragments too, from buffers with no
 * terminating NUL to lean on */
static void
test_regressions (void)
{
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "data", "feeds", "regress", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      g_autofree char *contents = NULL;
      g_autofree char *exact = NULL;
      g_autoptr(GString) html = g_string_new (NULL);
      g_autoptr(GString) text = g_string_new (NULL);
      gsize len;

      g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
      if (!g_utf8_validate (contents, len, NULL))
        continue;
      exact = g_memdup2 (contents, len);
      accords_html_sanitize (exact, len, "https://base.example/", html, text);
      g_assert_true (g_utf8_validate (html->str, html->len, NULL));
      g_assert_true (g_utf8_validate (text->str, text->len, NULL));
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/feed/sanitize/kept", test_kept);
  g_test_add_func ("/feed/sanitize/dropped-elements", test_dropped_elements);
  g_test_add_func ("/feed/sanitize/dropped-attributes", test_dropped_attributes);
  g_test_add_func ("/feed/sanitize/urls", test_urls);
  g_test_add_func ("/feed/sanitize/resolve-rfc3986", test_resolve_rfc3986);
  g_test_add_func ("/feed/sanitize/links-absolute", test_links_absolute);
  g_test_add_func ("/feed/sanitize/text-and-entities", test_text_and_entities);
  g_test_add_func ("/feed/sanitize/broken-markup", test_broken_markup);
  g_test_add_func ("/feed/sanitize/regressions", test_regressions);

  return g_test_run ();
}
