/* accords-cli.c: the headless front door to the same core as the app */
#include "config.h"

#include "accords-cli-commands.h"

int
main (int    argc,
      char **argv)
{
  return accords_cli_main (argc, argv);
}
