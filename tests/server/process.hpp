// Test support: `tessera` run as a real child process (for durability and CLI tests):
// started with arguments, its first line of output read to learn the port, killed with a
// chosen signal.
#pragma once
#include <string>
#include <vector>

namespace tessera::testing {

struct CommandResult {
  int exit_code = -1;
  std::string output;  // standard output and error
};

// Runs `tessera args...` to completion.
CommandResult run_tessera(const std::vector<std::string>& args, const std::string& input = "");

class ServerProcess {
 public:
  // Starts `tessera serve --db DB --port 0` and waits until it says which port it serves;
  // `environment`: NAME=value settings added to the child's (TESSERA_SMTP_HOST=…).
  explicit ServerProcess(const std::string& db_path, const std::vector<std::string>& environment = {});
  ~ServerProcess();
  int port() const { return port_; }
  void kill_hard();  // SIGKILL, then reap

 private:
  int pid_ = -1;
  int port_ = -1;
};

}  // namespace tessera::testing
