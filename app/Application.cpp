#include "Application.h"

#include <QApplication>

namespace baosong {
int runClient(int argc, char *argv[])
{
    QApplication app(argc, argv);
    return 0;
}
} // namespace baosong
