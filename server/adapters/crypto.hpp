// Secrets (libsodium): Argon2id password hashes, random session tokens, SHA-256 digests
// (session tokens are stored only as their digest).
#pragma once
#include <string>
#include <string_view>

namespace tessera::server {

bool crypto_init();
std::string hash_password(std::string_view password, unsigned long long opslimit, std::size_t memlimit);
bool verify_password(std::string_view stored_hash, std::string_view password);
std::string random_token_hex(std::size_t bytes = 32);  // 256 bits by default
std::string sha256_hex(std::string_view data);

}  // namespace tessera::server
