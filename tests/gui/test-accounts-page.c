/* Replaced by the real test; until then this program reports a skip. */
int
main (void)
{
  return 77;
}
