#pragma once

namespace baosong::server {
// The administration command line of baosong-server (init, serve, import, user, unit, column,
// backup, audit); docs/server.md describes each command. main.cpp calls only this.
int runServerCli(int argc, char *argv[]);
} // namespace baosong::server
