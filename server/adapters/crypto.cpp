// libsodium-backed secrets (see crypto.hpp).
#include "adapters/crypto.hpp"

#include <sodium.h>

#include <stdexcept>
#include <vector>

namespace tessera::server {

bool crypto_init() { return sodium_init() >= 0; }

std::string hash_password(std::string_view password, unsigned long long opslimit, std::size_t memlimit) {
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(out, password.data(), password.size(), opslimit, memlimit) != 0)
    throw std::runtime_error("crypto_pwhash_str: out of memory");
  return out;
}

bool verify_password(std::string_view stored_hash, std::string_view password) {
  const std::string hash(stored_hash);  // needs a NUL-terminated string
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

namespace {
std::string to_hex(const unsigned char* data, std::size_t size) {
  std::string hex(size * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), data, size);
  hex.pop_back();
  return hex;
}
}  // namespace

std::string random_token_hex(std::size_t bytes) {
  std::vector<unsigned char> buffer(bytes);
  randombytes_buf(buffer.data(), buffer.size());
  return to_hex(buffer.data(), buffer.size());
}

std::string sha256_hex(std::string_view data) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(data.data()), data.size());
  return to_hex(digest, sizeof digest);
}

}  // namespace tessera::server
