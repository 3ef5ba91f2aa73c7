#include "Application.h"

int main(int argc, char *argv[])
{
    return baosong::runClient(argc, argv);
}
