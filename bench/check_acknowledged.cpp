// After the ticket-creation benchmark the server is killed with -9; this reopens the database
// through the server's store and checks that every ticket the server acknowledged (201, ids
// listed one per line in the files given) is stored. Prints acknowledged vs stored.
// Usage: check_acknowledged DB ACKED_FILE...
#include <cstdio>
#include <fstream>
#include <string>

#include "store/sqlite_store.hpp"

using namespace tessera;
using namespace tessera::server;

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: check_acknowledged DB ACKED_FILE...\n");
    return 2;
  }
  SqliteStore store(argv[1]);
  long acknowledged = 0, stored = 0, unreadable = 0;
  for (int i = 2; i < argc; ++i) {
    std::ifstream file(argv[i]);
    for (std::string line; std::getline(file, line);) {
      if (line.empty()) continue;
      ++acknowledged;
      try {
        if (store.ticket(std::stoll(line))) ++stored;
      } catch (const std::exception&) {
        ++unreadable;
      }
    }
  }
  std::printf("durability: %ld creations acknowledged (201), %ld of them stored after kill -9%s%s\n", acknowledged,
              stored, stored == acknowledged ? " (all)" : " — LOST SOME",
              unreadable ? (", " + std::to_string(unreadable) + " ids unreadable").c_str() : "");
  return stored == acknowledged ? 0 : 1;
}
