// The single `tessera` binary: serve, init (first admin, or demo staff), backup, restore.
// Settings: defaults < --config TOML file < TESSERA_* environment < command-line flags.
#include <CLI/CLI.hpp>
#include <SQLiteCpp/Backup.h>

#include <sys/resource.h>

#include <algorithm>
#include <csignal>
#include <filesystem>
#include <iostream>

#include "adapters/crypto.hpp"
#include "adapters/smtp_sender.hpp"
#include "http/server.hpp"

using namespace tessera;
using namespace tessera::server;

namespace {

HttpServer* g_server = nullptr;
void on_signal(int) {
  if (g_server) g_server->stop();
}

void ensure_parent_folder(const std::string& path) {
  const auto parent = std::filesystem::path(path).parent_path();
  if (!parent.empty()) std::filesystem::create_directories(parent);
}

// How mail leaves, or that it does not; part of the one "serving" line (the tests and scripts
// read that line, then may close the pipe: a second line could meet SIGPIPE).
std::string mail_state(const SmtpConfig& smtp) {
  if (!smtp.enabled()) return "mail off, no smtp_host: mails are kept in the admin's outbox";
  return "mail through " + smtp.host + ":" + std::to_string(smtp.port) + " (" + smtp.security + ") from " +
         mail_address_of(smtp.from);
}

// A descriptor per connection and per stream, and some for SQLite and the listener: the soft
// limit is raised to what the caps need when the hard limit allows (systemd's default soft
// limit is 1024; deploy/tessera.service sets LimitNOFILE), else the server says so at start.
void raise_descriptor_limit(const Config& config) {
  const rlim_t wanted = static_cast<rlim_t>(config.max_connections + config.max_streams + 128);
  rlimit files{};
  if (::getrlimit(RLIMIT_NOFILE, &files) != 0 || files.rlim_cur >= wanted) return;
  files.rlim_cur = std::min(wanted, files.rlim_max);
  ::setrlimit(RLIMIT_NOFILE, &files);
  if (files.rlim_cur < wanted)
    std::cerr << "tessera: only " << files.rlim_cur << " file descriptors (LimitNOFILE / ulimit -n) for "
              << config.max_connections << " connections and " << config.max_streams << " streams\n";
}

int serve(Config config) {
  if (const auto mail = SmtpSender(config.smtp).check_config(); !mail) {
    std::cerr << "tessera: invalid configuration: " << mail.error().field << "\n";
    return 1;
  }
  ensure_parent_folder(config.db_path);
  raise_descriptor_limit(config);
  HttpServer server(config);
  const int port = server.bind(config.host, config.port);  // --port 0: one the OS picks
  if (port < 0) {
    std::cerr << "tessera: cannot listen on " << config.host << ":" << config.port << "\n";
    return 1;
  }
  g_server = &server;
  server.scheduler().start();  // expiries, auto-close, subscription ends: every minute
  std::signal(SIGINT, on_signal);
  std::signal(SIGTERM, on_signal);
  std::cout << "Tessera is serving http://" << config.host << ":" << port << "/ (database "
            << config.db_path << ", schema v" << server.store().schema_version() << "; " << mail_state(config.smtp)
            << ")" << std::endl;
  if (server.mail_worker().enabled()) server.mail_worker().start();  // sends the outbox, woken by commits
  server.listen();
  g_server = nullptr;
  return 0;
}

struct DemoStaff {
  const char* name;
  const char* email;
  const char* password;
  Role role;
};
constexpr DemoStaff kDemoStaff[] = {
    {"Demo Admin", "admin@tessera.local", "tessera-admin-demo", Role::admin},
    {"Demo Operator", "operator@tessera.local", "tessera-operator-demo", Role::operator_},
};

int init(Config config, bool demo, const std::string& name, const std::string& email) {
  ensure_parent_folder(config.db_path);
  SqliteStore store(config.db_path);
  Context context(store, config);
  Accounts accounts(context);
  if (demo) {
    for (const DemoStaff& staff : kDemoStaff) {
      const auto created = accounts.create_staff(staff.name, staff.email, staff.password, staff.role, "fr,en,es");
      std::cout << (created ? "created " : "kept existing ") << to_string(staff.role) << " " << staff.email
                << " (password " << staff.password << ")\n";
    }
    return 0;
  }
  if (store.any_user_with_role(Role::admin)) {
    std::cerr << "tessera: an admin already exists; nothing done\n";
    return 1;
  }
  std::string password;
  std::cerr << "Password for " << email << " (then Enter): ";
  std::getline(std::cin, password);
  if (password.size() < wire::Limits::password_min) {
    std::cerr << "tessera: the password needs at least " << wire::Limits::password_min << " characters\n";
    return 1;
  }
  const auto created = accounts.create_staff(name, email, password, Role::admin, "fr,en,es");
  if (!created) {
    std::cerr << "tessera: " << created.error().code << "\n";
    return 1;
  }
  std::cout << "created admin " << created->email << "\n";
  return 0;
}

// Online backup: pages are copied from a live database (SQLite backup API).
int backup(const std::string& from, const std::string& to) {
  SQLite::Database source(from, SQLite::OPEN_READONLY);
  SQLite::Database destination(to, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  SQLite::Backup copy(destination, source);
  copy.executeStep(-1);
  std::cout << "backed up " << from << " to " << to << "\n";
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (!crypto_init()) {
    std::cerr << "tessera: libsodium failed to initialise\n";
    return 1;
  }
  CLI::App app{"Tessera: remote IT support, sold and delivered"};
  app.require_subcommand(1);
  Config config;
  std::string config_file;
  app.add_option("--config", config_file, "TOML configuration file");
  app.add_option("--db", config.db_path, "SQLite database file");

  auto* serve_command = app.add_subcommand("serve", "Serve the API and the web client");
  serve_command->add_option("--host", config.host, "Address to listen on");
  serve_command->add_option("--port", config.port, "Port to listen on");
  serve_command->add_option("--web-root", config.web_root, "Folder of the built web client");

  bool demo = false;
  std::string admin_name = "Admin";
  std::string admin_email;
  auto* init_command = app.add_subcommand("init", "Create the first admin (password on standard input)");
  init_command->add_flag("--demo", demo, "Create the demo admin and operator with well-known passwords");
  init_command->add_option("--name", admin_name, "The admin's name");
  init_command->add_option("--email", admin_email, "The admin's email");

  std::string file;
  auto* backup_command = app.add_subcommand("backup", "Copy the live database to FILE");
  backup_command->add_option("FILE", file)->required();
  auto* restore_command = app.add_subcommand("restore", "Replace the database by FILE (server stopped)");
  restore_command->add_option("FILE", file)->required()->check(CLI::ExistingFile);

  // Subcommand options may also come before the subcommand's own: parse, then layer.
  for (auto* command : {serve_command, init_command}) command->fallthrough();
  CLI11_PARSE(app, argc, argv);

  Config layered;
  if (!config_file.empty()) {
    const auto loaded = load_config_file(config_file, layered);
    if (!loaded) {
      std::cerr << "tessera: invalid configuration: " << loaded.error().params.at("reason") << "\n";
      return 1;
    }
  }
  load_config_env(layered);
  // Flags given on the command line win over the file and the environment.
  const Config defaults;
  if (config.db_path != defaults.db_path) layered.db_path = config.db_path;
  if (config.host != defaults.host) layered.host = config.host;
  if (config.port != defaults.port) layered.port = config.port;
  if (!config.web_root.empty()) layered.web_root = config.web_root;

  try {
    if (*serve_command) return serve(layered);
    if (*init_command) {
      if (!demo && admin_email.empty()) {
        std::cerr << "tessera init: give --email (and --name), or --demo\n";
        return 2;
      }
      return init(layered, demo, admin_name, admin_email);
    }
    if (*backup_command) return backup(layered.db_path, file);
    if (*restore_command) return backup(file, layered.db_path);
  } catch (const std::exception& error) {
    std::cerr << "tessera: " << error.what() << "\n";
    return 1;
  }
  return 0;
}
