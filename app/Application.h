#pragma once

namespace baosong {
// Sets up the QApplication (translations, fonts, settings), opens the local store and shows the main
// window. main.cpp calls only this.
int runClient(int argc, char *argv[]);
} // namespace baosong
