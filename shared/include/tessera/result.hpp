// Result<T>: a value or a domain error. Errors carry a stable code (the key of their
// translated text, "error.<code>"), an optional field for form errors, and parameters
// that the text may show (for example a date).
#pragma once
#include <map>
#include <string>
#include <utility>
#include <variant>

namespace tessera {

struct Error {
  std::string code;                           // e.g. "trial_already_used"
  std::string field;                          // the input field at fault, or empty
  std::map<std::string, std::string> params;  // values the message shows
  bool operator==(const Error&) const = default;
};

inline Error make_error(std::string code, std::string field = {}) {
  return Error{std::move(code), std::move(field), {}};
}

template <class T>
class Result {
 public:
  Result(T value) : state_(std::move(value)) {}          // NOLINT: implicit by design
  Result(Error error) : state_(std::move(error)) {}      // NOLINT: implicit by design
  bool ok() const { return state_.index() == 0; }
  explicit operator bool() const { return ok(); }
  const T& value() const& { return std::get<0>(state_); }
  T& value() & { return std::get<0>(state_); }
  T&& value() && { return std::get<0>(std::move(state_)); }
  const T& operator*() const& { return value(); }
  const T* operator->() const { return &value(); }
  const Error& error() const { return std::get<1>(state_); }

 private:
  std::variant<T, Error> state_;
};

}  // namespace tessera
