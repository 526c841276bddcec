// When the App wants a frame without any event (a countdown, a "sent 5 s ago", a retry's
// backoff): the milliseconds from now it returns from `double wakeup_in_ms() const`, if it
// has that method; <= 0, or no such method, means no frame is needed. web_main.cpp asks after
// each frame and sets one timer; this is the one place that knows the method's name.
#pragma once
#include <concepts>

namespace tessera::client::platform {

template <class AnApp>
double app_wakeup_in_ms(const AnApp& app) {
  if constexpr (requires { { app.wakeup_in_ms() } -> std::convertible_to<double>; })
    return static_cast<double>(app.wakeup_in_ms());
  else
    return 0.0;
}

}  // namespace tessera::client::platform
