// Child processes of `tessera` for tests (see process.hpp). POSIX only, like the server.
#include "process.hpp"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <stdexcept>

namespace tessera::testing {

namespace {
std::vector<char*> argv_of(std::vector<std::string>& args) {
  std::vector<char*> argv;
  for (auto& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);
  return argv;
}
}  // namespace

CommandResult run_tessera(const std::vector<std::string>& args, const std::string& input) {
  int to_child[2], from_child[2];
  if (pipe(to_child) != 0 || pipe(from_child) != 0) throw std::runtime_error("pipe failed");
  const pid_t pid = fork();
  if (pid == 0) {
    dup2(to_child[0], 0);
    dup2(from_child[1], 1);
    dup2(from_child[1], 2);
    close(to_child[1]);
    close(from_child[0]);
    std::vector<std::string> full{TESSERA_BINARY};
    full.insert(full.end(), args.begin(), args.end());
    auto argv = argv_of(full);
    execv(TESSERA_BINARY, argv.data());
    _exit(127);
  }
  close(to_child[0]);
  close(from_child[1]);
  if (!input.empty()) (void)!write(to_child[1], input.data(), input.size());
  close(to_child[1]);
  CommandResult result;
  char buffer[4096];
  for (ssize_t got; (got = read(from_child[0], buffer, sizeof buffer)) > 0;) result.output.append(buffer, got);
  close(from_child[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

ServerProcess::ServerProcess(const std::string& db_path, const std::vector<std::string>& environment) {
  int from_child[2];
  if (pipe(from_child) != 0) throw std::runtime_error("pipe failed");
  pid_ = fork();
  if (pid_ == 0) {
    dup2(from_child[1], 1);
    close(from_child[0]);
    for (const std::string& setting : environment) putenv(const_cast<char*>(setting.c_str()));
    std::vector<std::string> args{TESSERA_BINARY, "--db", db_path, "serve", "--port", "0"};
    auto argv = argv_of(args);
    execv(TESSERA_BINARY, argv.data());
    _exit(127);
  }
  close(from_child[1]);
  std::string line;
  char c;
  while (read(from_child[0], &c, 1) == 1 && c != '\n') line += c;
  close(from_child[0]);
  const auto colon = line.find("127.0.0.1:");
  if (colon == std::string::npos) {
    kill_hard();
    throw std::runtime_error("tessera serve did not start: " + line);
  }
  port_ = std::stoi(line.substr(colon + 10));
}

ServerProcess::~ServerProcess() {
  if (pid_ > 0) {
    ::kill(pid_, SIGTERM);
    waitpid(pid_, nullptr, 0);
  }
}

void ServerProcess::kill_hard() {
  if (pid_ <= 0) return;
  ::kill(pid_, SIGKILL);
  waitpid(pid_, nullptr, 0);
  pid_ = -1;
}

}  // namespace tessera::testing
