#include "ServerCli.h"

int main(int argc, char *argv[])
{
    return baosong::server::runServerCli(argc, argv);
}
